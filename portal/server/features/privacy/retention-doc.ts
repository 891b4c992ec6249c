/**
 * The retention table of `docs/data-protection.md`, rendered from `retention-rules.ts`. The
 * documentation holds it between markers; `retention-rules.db.test.ts` compares, and
 * `npx tsx portal/server/features/privacy/write-retention-doc.ts` rewrites it.
 */
import { retentionRules, type ErasureAction } from './retention-rules.js';

export const beginMarker = '<!-- BEGIN generated: retention rules -->';
export const endMarker = '<!-- END generated: retention rules -->';

const actions: Record<ErasureAction, string> = {
  delete: 'gelöscht',
  anonymise: 'anonymisiert',
  keep: 'aufbewahrt',
  none: '(keine Personendaten)',
};

/** The Markdown table (with markers). */
export function renderRetentionTable(): string {
  const rows = retentionRules.map(
    (r) =>
      `| \`${r.table}\` | ${r.retention} | ${r.basis} | ${actions[r.erasure]}${r.clears ? `: ${r.clears.map((c) => `\`${c}\``).join(', ')} geleert` : ''} |`,
  );
  return [
    beginMarker,
    '| Tabelle | Aufbewahrung | Rechtsgrundlage | bei einem Löschersuchen |',
    '| --- | --- | --- | --- |',
    ...rows,
    endMarker,
  ].join('\n');
}

/** `text` with its generated section replaced by the current table. */
export function withRetentionTable(text: string): string {
  const start = text.indexOf(beginMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`markers ${beginMarker} ... missing`);
  return text.slice(0, start) + renderRetentionTable() + text.slice(end + endMarker.length);
}
