import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import {
  createTable,
  dateOnly,
  decimal,
  enumText,
  id,
  index,
  integer,
  reference,
  text,
  timestamp,
  timestamps,
} from './migration-columns.js';

/**
 * Reporting and files: berichtszeitraum, upload, nutzungsbericht, ladevorgang, dokument,
 * importfehler. Sessions go with their charging point; a deleted upload leaves its sessions
 * (they stay valid data) but takes its row errors.
 */
export const createReporting: DomainMigration = {
  name: 'm0003-create-reporting',
  async up(qi) {
    await createTable(qi, 'berichtszeitraum', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      von: dateOnly(false),
      bis: dateOnly(false),
      frist: dateOnly(false),
      status: enumText(),
      eingereichtAm: timestamp(true),
      ...timestamps(),
    });
    await index(
      qi,
      'berichtszeitraum',
      'berichtszeitraum_foerderfall_von_uq',
      ['foerderfallId', 'von'],
      true,
    );
    await index(qi, 'berichtszeitraum', 'berichtszeitraum_status_frist_idx', ['status', 'frist']);

    await createTable(qi, 'upload', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      berichtszeitraumId: reference('berichtszeitraum', true, 'SET NULL'),
      personId: reference('person', true, 'SET NULL'),
      art: enumText(),
      dateiname: text(255, false),
      mimeType: text(128, false),
      groesseBytes: integer(false),
      sha256: { type: DataTypes.CHAR(64), allowNull: false },
      speicherSchluessel: text(512, false),
      status: enumText(),
      zeilenGesamt: integer(),
      zeilenUebernommen: integer(),
      zeilenAbgelehnt: integer(),
      ...timestamps(),
    });
    await index(qi, 'upload', 'upload_foerderfall_idx', ['foerderfallId']);
    await index(qi, 'upload', 'upload_berichtszeitraum_idx', ['berichtszeitraumId']);
    await index(qi, 'upload', 'upload_person_idx', ['personId']);

    await createTable(qi, 'nutzungsbericht', {
      id: id(),
      berichtszeitraumId: reference('berichtszeitraum', false, 'CASCADE'),
      standortId: reference('standort', false, 'CASCADE'),
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      energieKwh: decimal(12, 3),
      messmethode: enumText(true),
      anzahlLadevorgaenge: integer(),
      anteilErneuerbarProzent: decimal(5, 2),
      tageAusserBetrieb: integer(),
      keineAenderung: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      aenderungsarten: { type: DataTypes.TEXT, allowNull: true },
      aenderungsbeschreibung: { type: DataTypes.TEXT, allowNull: true },
      eingereichtAm: timestamp(true),
      eingereichtVonPersonId: reference('person', true, 'SET NULL'),
      ...timestamps(),
    });
    await index(
      qi,
      'nutzungsbericht',
      'nutzungsbericht_zeitraum_standort_version_uq',
      ['berichtszeitraumId', 'standortId', 'version'],
      true,
    );
    await index(qi, 'nutzungsbericht', 'nutzungsbericht_standort_idx', ['standortId']);
    await index(qi, 'nutzungsbericht', 'nutzungsbericht_person_idx', ['eingereichtVonPersonId']);

    await createTable(qi, 'ladevorgang', {
      id: id(),
      ladepunktId: reference('ladepunkt', false, 'CASCADE'),
      uploadId: reference('upload', true, 'SET NULL'),
      beginn: timestamp(),
      ende: timestamp(),
      utcOffsetMinuten: { type: DataTypes.SMALLINT, allowNull: true },
      energieKwh: decimal(10, 3, false),
      zaehlerstandBeginnWh: { type: DataTypes.BIGINT, allowNull: true },
      zaehlerstandEndeWh: { type: DataTypes.BIGINT, allowNull: true },
      maxKw: decimal(7, 2),
      beendigungsgrund: enumText(true),
      ...timestamps(),
    });
    // Duplicate detection of uploaded sessions: one session per point and start.
    await index(
      qi,
      'ladevorgang',
      'ladevorgang_ladepunkt_beginn_uq',
      ['ladepunktId', 'beginn'],
      true,
    );
    await index(qi, 'ladevorgang', 'ladevorgang_upload_idx', ['uploadId']);

    await createTable(qi, 'dokument', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      standortId: reference('standort', true, 'SET NULL'),
      uploadId: reference('upload', true, 'SET NULL'),
      art: enumText(),
      titel: text(255, false),
      dateiname: text(255, false),
      mimeType: text(128, false),
      groesseBytes: integer(false),
      sha256: { type: DataTypes.CHAR(64), allowNull: false },
      speicherSchluessel: text(512, false),
      ...timestamps(),
    });
    await index(qi, 'dokument', 'dokument_foerderfall_idx', ['foerderfallId']);
    await index(qi, 'dokument', 'dokument_standort_idx', ['standortId']);
    await index(qi, 'dokument', 'dokument_upload_idx', ['uploadId']);

    await createTable(qi, 'importfehler', {
      id: id(),
      importlaufId: reference('importlauf', true, 'CASCADE'),
      uploadId: reference('upload', true, 'CASCADE'),
      zeile: integer(false),
      spalte: text(128),
      wert: { type: DataTypes.TEXT, allowNull: true },
      code: text(64, false),
      meldung: { type: DataTypes.TEXT, allowNull: false },
      ...timestamps(),
    });
    await index(qi, 'importfehler', 'importfehler_importlauf_idx', ['importlaufId']);
    await index(qi, 'importfehler', 'importfehler_upload_idx', ['uploadId']);
  },
  async down(qi) {
    for (const table of [
      'importfehler',
      'dokument',
      'ladevorgang',
      'nutzungsbericht',
      'upload',
      'berichtszeitraum',
    ]) {
      await qi.dropTable(table);
    }
  },
};
