/**
 * Renders docs/anonymisation.md from the classification (every column of every model), the
 * generalisation hierarchies and the rules of this worker, so the document cannot drift from
 * what the snapshot does. `npx tsx workers/snapshot/write-anonymisation-doc.ts` rewrites it.
 */
import { Sequelize } from 'sequelize';
import {
  describeRule,
  generalisationMethods,
  initModels,
  listColumns,
  type ClassifiedColumn,
} from '../../domain/index.js';
import { publicPointRule, sessionAggregateTable, sessionTable } from './charging-sessions.js';
import { gridStepDegrees, hierarchyOf } from './generalisation.js';
import { kAnonymityMethod, outOfScope } from './snapshot-manifest.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function quasiSet(columns: ClassifiedColumn[]): string[] {
  return columns
    .filter(
      (c) =>
        c.privacy?.rule.kind === 'generalise' ||
        (c.privacy?.class === 'quasi' && c.privacy.rule.kind === 'keep'),
    )
    .map((c) => c.column);
}

/** The document for the given classified columns. */
export function renderAnonymisationDoc(columns: ClassifiedColumn[]): string {
  const tables = [...new Set(columns.map((c) => c.table))];
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line('# Anonymised snapshots');
  line();
  line(
    '<!-- Generated from the classification by `npx tsx workers/snapshot/write-anonymisation-doc.ts`; a test fails when it is stale. -->',
  );
  line();
  line(
    'An anonymised snapshot is a MySQL-compatible dump of the application database in which every column has been treated by the rule its model declares (`domain/models`, `privacy: ...`). Analysts load it into any MySQL 8, Aurora MySQL or MariaDB.',
  );
  line();
  line('## How a snapshot is taken');
  line();
  line(
    'The `snapshot` process (`processes/snapshot.bpmn`) starts on request (message `snapshot-requested`) or monthly. Its service task has job type `snapshot`; the worker writes the dump and the manifest and completes the job with `snapshotId` and `suppressedCount` (rows whose quasi-identifiers the k-anonymity check suppressed). When that count is above zero an analyst reviews the snapshot (`snapshot-pruefung`) before the release is announced. A job delivered again with the same `snapshotId` answers from the finished manifest instead of writing a second snapshot.',
  );
  line();
  line('## What a snapshot consists of');
  line();
  line(
    '- `snapshots/<id>.sql.gz`: `SET NAMES utf8mb4`, foreign-key checks off while loading, per table `DROP TABLE IF EXISTS` and `CREATE TABLE` (primary key, indexes, foreign keys; live types mapped to MySQL: UUID as `CHAR(36)`, `DECIMAL`, `DATETIME(3)`, text as `TEXT`/`LONGTEXT`), then multi-row `INSERT`s escaped as mysqldump escapes. gzip level 6 unless configured otherwise (the manifest states it).',
  );
  line(
    '- `snapshots/<id>.manifest.json`: tables and row counts, the class, rule and outcome of every column, the k-anonymity report (k, quasi-identifier set per table, the level each column was generalised to, suppressed rows), the session figures, the SHA-256 and size of the gzipped dump, created-at and generator version.',
  );
  line('- Load it: `gunzip -c <id>.sql.gz | mysql --default-character-set=utf8mb4 <database>`.');
  line(
    '- The dump is written under `snapshots/.partial/` and moved to its final key only when it and its manifest are complete; a failure removes both. Every table is read in key order in batches inside one read transaction, so the dump is one consistent state.',
  );
  line();
  line('## Before anything is written');
  line();
  line(
    'The snapshot reads the live schema (SQLite `PRAGMA table_info`, MySQL `information_schema`) and compares it with the classification. A column that no model classifies, or a table without a model, makes it refuse with `SNAPSHOT_UNCLASSIFIED_COLUMNS`, naming every such `table.column`; nothing is written. A foreign key whose rule differs from the key it references (one a surrogate, the other kept) is refused with `SNAPSHOT_KEY_RULE_CONFLICT`. The migration bookkeeping table `SequelizeMeta` is not part of a snapshot.',
  );
  line();
  line('## The rules');
  line();
  line('| rule | in the snapshot |');
  line('|---|---|');
  line('| drop | the column is not in the dump |');
  line(
    '| replace: fake-… | a synthetic value of the same shape (name, organisation, e-mail under `example.invalid`, phone, street, label), generated, never derived from the original |',
  );
  line(
    '| surrogate-key | a fresh random UUID per snapshot (`crypto.randomUUID`), the same for the same key in every table so foreign keys join; the map lives in memory during the snapshot only and is never written; two snapshots share no key |',
  );
  line(
    '| generalise: … | the named method, coarsened further by the k-anonymity check if needed (below) |',
  );
  line('| keep | the value as it is; a kept quasi-identifier is part of the k-anonymity check |');
  line(
    `| aggregate: … | charging sessions (\`${sessionTable}\`): row by row only at public points, otherwise only in \`${sessionAggregateTable}\` (below) |`,
  );
  line();
  line('## Generalisation hierarchies');
  line();
  line(
    'Level 0 is the method the classification names; each further level is computed from the one below; the last level suppresses the value (NULL).',
  );
  line();
  line('| method | levels |');
  line('|---|---|');
  for (const method of generalisationMethods) {
    const levels = hierarchyOf(method)
      .levels.map((l, i) => `${i}: ${l}`)
      .join('; ');
    line(`| \`${method}\` | ${cell(levels)} |`);
  }
  line();
  line(
    `Coordinates use one grid step of ${gridStepDegrees}° for latitude and longitude (the method does not say which axis a column is): 1.78 km north-south and at least 1.02 km east-west everywhere in Germany; the value published is the cell centre.`,
  );
  line();
  line('## k-anonymity');
  line();
  line(`${kAnonymityMethod} k is 10 and maxSuppressionRate 0.05 unless configured otherwise.`);
  line();
  line(
    'The quasi-identifier set of a table is every column with a `generalise` rule (of any class) and every `quasi` column that is kept:',
  );
  line();
  line('| table | quasi-identifier set |');
  line('|---|---|');
  for (const table of tables) {
    const set = quasiSet(columns.filter((c) => c.table === table));
    if (set.length > 0) line(`| \`${table}\` | ${set.map((c) => `\`${c}\``).join(', ')} |`);
  }
  line();
  line(
    'Limits: the check runs per table. Foreign keys still link a row to rows of other tables, whose quasi-identifiers are checked in their own tables; an attacker who joins tables sees the combination. The session aggregates are not checked for k.',
  );
  line();
  line('## Charging sessions at private or single-user points');
  line();
  line(
    `A charging point is ${publicPointRule}. Private and single-user points (KfW 440 homes, and KfW 439/441 points, which must not be public) reveal when someone is at home or at work, so their sessions appear only in \`${sessionAggregateTable}\`: per charging-column group (surrogate key) and UTC month of the session start, the number of sessions, the kWh sum and the highest kW. Sessions at public points keep their rows (times, kWh, kW), without meter readings and upload times.`,
  );
  line();
  line('## Why a hash is not anonymisation');
  line();
  line(
    'Hashing an id, an e-mail address or a name is pseudonymisation (GDPR Art. 4(5)), not anonymisation: the same input always gives the same hash, so anyone holding a candidate value (a list of e-mail addresses, all 100,000 PLZ, every Antragsnummer of a year) hashes it and looks it up, and the hash still links every row of the same person across tables and across snapshots. A salted hash with a kept salt is a key map by another name. The snapshot therefore never hashes: keys become fresh random surrogates that no one can recompute, direct identifiers are dropped or replaced by generated values, and quasi-identifiers are coarsened until each combination is shared by at least k rows. The `sha256` columns of uploads and documents are themselves dropped: a file hash identifies the file.',
  );
  line();
  line('## Outside the snapshot');
  line();
  for (const item of outOfScope) line(`- ${item}`);
  line();
  line('## Every column');
  line();
  for (const table of tables) {
    line(`### \`${table}\``);
    line();
    line('| column | class | rule | note |');
    line('|---|---|---|---|');
    for (const c of columns.filter((x) => x.table === table)) {
      const privacy = c.privacy;
      line(
        `| \`${c.column}\` | ${privacy?.class ?? '**unclassified**'} | ${privacy ? cell(describeRule(privacy.rule)) : '**none**'} | ${cell(privacy?.note ?? '')} |`,
      );
    }
    line();
  }
  line(`### \`${sessionAggregateTable}\` (added by the snapshot)`);
  line();
  line('| column | meaning |');
  line('|---|---|');
  line('| `id` | fresh random key |');
  line('| `ladesaeulengruppeId` | surrogate key of the charging-column group |');
  line('| `monat` | UTC month of the session start (YYYY-MM) |');
  line('| `anzahlLadevorgaenge` | number of sessions |');
  line('| `energieKwhSumme` | kWh charged, summed |');
  line('| `maxKw` | highest kW of a session |');
  return `${out.join('\n')}\n`;
}

/** Renders the document from freshly defined models (no database connection is opened). */
export async function renderCurrentAnonymisationDoc(): Promise<string> {
  const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
  try {
    return renderAnonymisationDoc(listColumns(initModels(sequelize)));
  } finally {
    await sequelize.close();
  }
}
