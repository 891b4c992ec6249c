/**
 * Tolerant matching of header texts: KfW's files are typed by people, so `E-Mail `,
 * `e-mail`, `Straße\n(Investitionsort)`, `Straße (Investitionsort)` with a non-breaking space,
 * or `Förderfähige` in decomposed Unicode (NFD) all name the same column.
 */

/**
 * The comparison key of a header text: Unicode NFC, lower case, `ß` and umlauts folded
 * (`ss`, `ae`, `oe`, `ue`, so `Anträge` finds `Antraege`), and every
 * kind of white space (spaces, non-breaking and other Unicode spaces, tabs, line breaks)
 * removed, so both extra and missing spaces are tolerated.
 *
 * @example headerKey('Straße\u00a0(Investitionsort) ') === headerKey('strasse(investitionsort)')
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, '');
}
