/**
 * The closed vocabularies of the file (Programm, Antragsstatus, Antragstellertyp, Anrede,
 * De-minimis, Bundesland), matched tolerantly (case, spaces, umlaut spelling) and mapped to the
 * platform's codes.
 */
import type { CellInput } from './cell-value.js';
import { cellText } from './clean-text.js';
import { ok, problem, type Coerced } from './coercion.js';
import { headerKey } from './header-text.js';

/** The programme codes of the domain's reference data. */
export type ProgrammCode = 'KFW_439' | 'KFW_440' | 'KFW_441';
/** Antragsstatus at KfW. */
export type Antragsstatus = 'ZUGESAGT' | 'AUSGEZAHLT';
/** Who applied (the domain's `Empfaengertyp` codes). */
export type Antragstellertyp =
  'NATUERLICHE_PERSON' | 'WEG' | 'EINZELUNTERNEHMEN' | 'UNTERNEHMEN' | 'GEMEINNUETZIG' | 'KOMMUNE';
/** Salutation. */
export type Anrede = 'HERR' | 'FRAU';

/** A coercer for a vocabulary given as (documented text -> code). */
function vocabulary<T extends string>(
  entries: readonly (readonly [string, T])[],
  code: string,
  aliases: readonly (readonly [string, T])[] = [],
): (cell: CellInput) => Coerced<T | null> {
  const byKey = new Map([...entries, ...aliases].map(([text, value]) => [headerKey(text), value]));
  const allowed = entries.map(([text]) => `„${text}“`).join(', ');
  return (cell) => {
    const text = cellText(cell);
    if (!text.ok || text.value === null) return text as Coerced<null>;
    const value = byKey.get(headerKey(text.value));
    return value
      ? ok(value)
      : problem(code, `„${text.value}“ ist nicht erlaubt; erlaubt: ${allowed}.`);
  };
}

/** Programm: `439`, `440`, `441` (also `KfW 441`, `KFW_441`). */
export const programmCell = vocabulary<ProgrammCode>(
  [
    ['439', 'KFW_439'],
    ['440', 'KFW_440'],
    ['441', 'KFW_441'],
  ],
  'PROGRAMM_UNKNOWN',
  (['439', '440', '441'] as const).flatMap((number) => [
    [`KfW ${number}`, `KFW_${number}` as ProgrammCode] as const,
    [`KFW_${number}`, `KFW_${number}` as ProgrammCode] as const,
  ]),
);

/** Antragsstatus: `Zugesagt` or `Ausgezahlt`. */
export const antragsstatusCell = vocabulary<Antragsstatus>(
  [
    ['Zugesagt', 'ZUGESAGT'],
    ['Ausgezahlt', 'AUSGEZAHLT'],
  ],
  'ANTRAGSSTATUS_UNKNOWN',
);

/** Antragstellertyp: the six documented kinds of applicant. */
export const antragstellertypCell = vocabulary<Antragstellertyp>(
  [
    ['Privatperson', 'NATUERLICHE_PERSON'],
    ['WEG', 'WEG'],
    ['Einzelunternehmen', 'EINZELUNTERNEHMEN'],
    ['Unternehmen', 'UNTERNEHMEN'],
    ['Gemeinnützige Organisation', 'GEMEINNUETZIG'],
    ['Kommune', 'KOMMUNE'],
  ],
  'ANTRAGSTELLERTYP_UNKNOWN',
  [['Wohnungseigentümergemeinschaft', 'WEG']],
);

/** Anrede: `Herr` or `Frau`. */
export const anredeCell = vocabulary<Anrede>(
  [
    ['Herr', 'HERR'],
    ['Frau', 'FRAU'],
  ],
  'ANREDE_UNKNOWN',
);

const yesNo = vocabulary<'ja' | 'nein'>(
  [
    ['ja', 'ja'],
    ['nein', 'nein'],
  ],
  'DE_MINIMIS_INVALID',
);

/** De-minimis: `ja` or `nein` (an Excel boolean is accepted too). */
export function deMinimisCell(cell: CellInput): Coerced<boolean | null> {
  if (typeof cell === 'boolean') return ok(cell);
  const value = yesNo(cell);
  return value.ok ? ok(value.value === null ? null : value.value === 'ja') : value;
}

const LAENDER = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
] as const;

/** Bundesland: one of the sixteen, stored with its official spelling. */
export const bundeslandCell = vocabulary<(typeof LAENDER)[number]>(
  LAENDER.map((land) => [land, land] as const),
  'BUNDESLAND_UNKNOWN',
);
