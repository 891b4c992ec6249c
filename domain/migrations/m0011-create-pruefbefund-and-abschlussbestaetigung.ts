import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import {
  boolean,
  createTable,
  dateOnly,
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
 * `pruefbefund`: an officer's finding on one field of a case's data (from a review form), open
 * until a later approval of the same case (and period) resolves it. `abschlussbestaetigung`: the
 * case's completion confirmation at the end of the earmarking period, one per confirmation task
 * (a corrected confirmation is a new task; the newest one counts).
 */
export const createPruefbefundAndAbschlussbestaetigung: DomainMigration = {
  name: 'm0011-create-pruefbefund-and-abschlussbestaetigung',
  async up(qi) {
    await createTable(qi, 'pruefbefund', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      berichtszeitraumId: reference('berichtszeitraum', true, 'SET NULL'),
      nutzungsberichtId: reference('nutzungsbericht', true, 'SET NULL'),
      userTaskKey: text(32, false),
      formId: text(64, false),
      entscheidung: enumText(),
      position: integer(false),
      feld: text(255, false),
      code: text(64, false),
      begruendung: { type: DataTypes.TEXT, allowNull: false },
      prueferSubjekt: text(255, false),
      festgestelltAm: timestamp(),
      erledigtAm: timestamp(true),
      erledigtDurchUserTaskKey: text(32),
      ...timestamps(),
    });
    await index(
      qi,
      'pruefbefund',
      'pruefbefund_task_position_uq',
      ['userTaskKey', 'position'],
      true,
    );
    await index(qi, 'pruefbefund', 'pruefbefund_foerderfall_idx', ['foerderfallId', 'erledigtAm']);
    await index(qi, 'pruefbefund', 'pruefbefund_berichtszeitraum_idx', ['berichtszeitraumId']);
    await index(qi, 'pruefbefund', 'pruefbefund_nutzungsbericht_idx', ['nutzungsberichtId']);
    await createTable(qi, 'abschlussbestaetigung', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      userTaskKey: text(32, false),
      zweckbindungEingehalten: boolean(false),
      erneuerbarerStrom: boolean(false),
      ladepunkteInBetrieb: integer(true),
      abweichungen: boolean(false),
      abweichungsbeschreibung: { type: DataTypes.TEXT, allowNull: true },
      bestaetigtVon: text(255, false),
      ort: text(128, false),
      datum: dateOnly(false),
      bestaetigtSubjekt: text(255, false),
      bestaetigtAm: timestamp(),
      ...timestamps(),
    });
    await index(
      qi,
      'abschlussbestaetigung',
      'abschlussbestaetigung_task_uq',
      ['userTaskKey'],
      true,
    );
    await index(qi, 'abschlussbestaetigung', 'abschlussbestaetigung_foerderfall_idx', [
      'foerderfallId',
    ]);
  },
  async down(qi) {
    await qi.dropTable('abschlussbestaetigung');
    await qi.dropTable('pruefbefund');
  },
};
