/**
 * Renders docs/data-model.md from the models themselves (entities, relations, every column with
 * its personal-data class and anonymisation rule), so the document cannot fall behind the code.
 * `npx tsx domain/docs/write-data-model.ts` rewrites the file; a test checks it is current.
 */
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { DomainModels } from '../models/domain-models.js';
import { listForeignKeys } from '../models/foreign-keys.js';
import { describeRule, privacyClasses, type PrivacyClass } from '../privacy/column-privacy.js';

/** One sentence per entity: what a row is. */
const entityDescriptions: Record<keyof DomainModels, string> = {
  Programm:
    'A funding programme (reference data from a migration): recipients, grant rules, kW limit, purpose-binding years, reporting rhythm.',
  Zuwendungsempfaenger:
    'The recipient of the grant: organisation or natural person, with address, AGS, WZ code, SME flag, fleet size.',
  Person: 'A person and, once registered, their account (the e-mail is the login).',
  PersonFoerderfall:
    'Links a person to a Förderfall in a role (Antragsteller, Bevollmächtigter, Ansprechpartner, Dienstleister).',
  Betreiber:
    'The operator of a location (may differ from the recipient); its eMI3 operator id starts every EVSE-ID.',
  Importlauf:
    'One run of the KfW import over one file: file hash, row counts new / updated / unchanged / rejected.',
  Importfehler:
    'One rejected row of a KfW import run or of a sessions upload: row, column, value, code, message.',
  Foerderfall:
    'A funding case, one per KfW application; its UUID is the `caseId` of every process.',
  Standort:
    'A funded location: address, coordinates, access, site type, grid connection, PV / storage, power origin.',
  Ladesaeulengruppe:
    'A group of identical charging columns at a location, entered once with a count.',
  Ladepunkt:
    'One charging point, materialised from its group (EVSE-ID, serial number, status, dates).',
  Berichtszeitraum: 'A reporting period of a case (`periodId`): from, to, deadline, status.',
  Upload:
    'A file uploaded for a case (sessions CSV / OCPI CDRs or a document) and its processing outcome.',
  Nutzungsbericht:
    'The usage report of one location for one period (`reportId`), versioned on rework.',
  Ladevorgang: 'One uploaded charging session; unique on (point, start) so duplicates are dropped.',
  Dokument: 'A document filed with a case (invoice, photo, proof of green power, grant notice).',
  AuditEvent:
    'One audit-log entry: who, what, which object, when, state before and after. Append-only.',
  Konto:
    'An account of the embedded identity provider: login e-mail, scrypt password hash, realm roles, e-mail verified at.',
  KontoToken:
    'A one-time e-mail verification or password reset token of an account, stored as its SHA-256 with an expiry.',
  Sitzung:
    'A portal browser session, stored by the SHA-256 of its cookie token: login state (PKCE, state, nonce), subject, roles, expiry.',
  Einladung:
    'An invitation to a Förderfall sent by link: e-mail, role, SHA-256 of the token, expiry, redeemed or withdrawn at.',
  Entwurf:
    'The autosaved draft of a user task form, per login subject and task; deleted when the task is completed.',
  GespeicherterFilter: 'A task-list filter saved under a name, per login subject.',
  ProzessversionNotiz:
    'The note a process owner wrote when deploying a process version: who, when, the engine key and version.',
  Formularversion:
    'A task form version saved in the portal (JSON Schema and UI schema); the newest one is what new tasks use.',
  Pruefbefund:
    'An officer’s finding on one field of a case (from a review form): field path, code, reason, officer, time; resolved by a later approval.',
  Abschlussbestaetigung:
    'The completion confirmation at the end of the purpose-binding period: confirmed statements, points in operation, deviations, who signed, where and when.',
};

type Columns = [string, ModelAttributeColumnOptions][];

function columnsOf(model: { getAttributes(): object }): Columns {
  return Object.entries(
    model.getAttributes() as Record<string, ModelAttributeColumnOptions>,
  ).filter(([, attribute]) => !(attribute.type instanceof DataTypes.VIRTUAL));
}

function typeName(attribute: ModelAttributeColumnOptions): string {
  const type = attribute.type as { toSql?: () => string; key?: string };
  const isIn = (attribute.validate as { isIn?: { args: string[][] } } | undefined)?.isIn;
  if (isIn) return `text, one of ${(isIn.args[0] ?? []).join(', ')}`;
  if (typeof attribute.get === 'function' && type.key === 'TEXT') return 'JSON (text)';
  return type.key === 'DATEONLY'
    ? 'DATE'
    : type.key === 'DATE'
      ? 'DATETIME (UTC)'
      : (type.toSql?.() ?? String(type.key));
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The complete Markdown of docs/data-model.md. */
export function renderDataModel(models: DomainModels): string {
  const entries = Object.entries(models) as [
    keyof DomainModels,
    DomainModels[keyof DomainModels],
  ][];
  const out: string[] = [];
  out.push('# Data model of the funding domain');
  out.push('');
  out.push(
    '<!-- Generated from domain/models by `npx tsx domain/docs/write-data-model.ts`; a test fails when it is stale. -->',
  );
  out.push('');
  out.push(
    'Tables and models are named in German as the domain speaks (ASCII: ä→ae, ö→oe, ü→ue, ß→ss): one ' +
      'lowercase singular table per entity (`foerderfall`, link tables and two-word names in snake_case: ' +
      '`person_foerderfall`, `audit_event`), columns in camelCase (`antragsnummer`, `kwProLadepunkt`; ' +
      'technical columns in English: `id`, `status`, `createdAt`). Primary keys are UUIDs generated by ' +
      'the application; money is DECIMAL(12,2) read back as a string (`"45000.00"`); postcodes are text; ' +
      'timestamps are UTC; enumerations are strings checked by the model, not by the database.',
  );
  out.push('');
  out.push('## Entities');
  out.push('');
  out.push('| entity | table | columns | what a row is |');
  out.push('|---|---|---|---|');
  for (const [name, model] of entries) {
    out.push(
      `| ${name} | \`${model.tableName}\` | ${columnsOf(model).length} | ${cell(entityDescriptions[name])} |`,
    );
  }
  out.push('');
  out.push('## Relations');
  out.push('');
  out.push(
    'Deleting a Förderfall deletes what belongs to it (person links, locations, groups, points, sessions, ' +
      'periods, reports, uploads, documents). A programme or a recipient that still has cases cannot be deleted. ' +
      'Optional references (operator, import run, uploader, upload of a session) are set to null. ' +
      '`audit_event` has no foreign keys: the trail outlives the rows it describes.',
  );
  out.push('');
  out.push('| from | column | to | on delete |');
  out.push('|---|---|---|---|');
  for (const key of listForeignKeys(models)) {
    out.push(`| \`${key.table}\` | \`${key.column}\` | \`${key.references}\` | ${key.onDelete} |`);
  }
  out.push('');
  out.push('`person` and `foerderfall` are linked n:m through `person_foerderfall`.');
  out.push('');
  out.push('## Personal data');
  out.push('');
  out.push(
    'Every column declares its class and the rule an anonymised snapshot applies (see DOMAIN.md): ' +
      '**direct** identifiers are dropped or replaced, ids become fresh surrogate keys per snapshot, ' +
      '**quasi**-identifiers are generalised with the named method and enter the k-anonymity check (k >= 10), ' +
      '**sensitive** session data leaves only as aggregates, **none** is kept.',
  );
  out.push('');
  out.push(`| table | ${privacyClasses.join(' | ')} |`);
  out.push(`|---|${privacyClasses.map(() => '---').join('|')}|`);
  for (const [, model] of entries) {
    const counts = Object.fromEntries(privacyClasses.map((c) => [c, 0])) as Record<
      PrivacyClass,
      number
    >;
    for (const [, attribute] of columnsOf(model))
      if (attribute.privacy) counts[attribute.privacy.class] += 1;
    out.push(`| \`${model.tableName}\` | ${privacyClasses.map((c) => counts[c]).join(' | ')} |`);
  }
  for (const [name, model] of entries) {
    out.push('');
    out.push(`### ${name} (\`${model.tableName}\`)`);
    out.push('');
    out.push('| column | type | null | class | rule | note |');
    out.push('|---|---|---|---|---|---|');
    for (const [attributeName, attribute] of columnsOf(model)) {
      const privacy = attribute.privacy;
      out.push(
        `| \`${attribute.field ?? attributeName}\` | ${cell(typeName(attribute))} | ${attribute.allowNull === false || attribute.primaryKey ? 'no' : 'yes'} | ` +
          `${privacy?.class ?? '**unclassified**'} | ${privacy ? cell(describeRule(privacy.rule)) : ''} | ${cell(privacy?.note ?? '')} |`,
      );
    }
  }
  out.push('');
  return out.join('\n');
}
