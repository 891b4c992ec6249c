import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import {
  boolean,
  createTable,
  decimal,
  enumText,
  id,
  index,
  integer,
  money,
  text,
  timestamp,
  timestamps,
} from './migration-columns.js';

/** Reference data and the parties: programm, zuwendungsempfaenger, person, betreiber, importlauf. */
export const createMasterData: DomainMigration = {
  name: 'm0001-create-master-data',
  async up(qi) {
    await createTable(qi, 'programm', {
      id: id(),
      code: text(32, false),
      name: text(255, false),
      kfwProgrammnummer: text(8),
      empfaengertypen: { type: DataTypes.TEXT, allowNull: false },
      foerderquoteProzent: decimal(5, 2),
      maxZuschussProLadepunkt: money(),
      maxZuschussProStandort: money(),
      pauschaleProLadepunkt: money(),
      maxKwProLadepunkt: decimal(7, 2),
      zugang: enumText(true),
      privaterStellplatz: boolean(false),
      oekostromPflicht: boolean(false),
      roamingPflicht: boolean(false),
      adHocLadenPflicht: boolean(false),
      zweckbindungJahre: integer(false),
      berichtsrhythmus: enumText(),
      aktiv: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      ...timestamps(),
    });
    await index(qi, 'programm', 'programm_code_uq', ['code'], true);

    await createTable(qi, 'zuwendungsempfaenger', {
      id: id(),
      typ: enumText(),
      name: text(255, false),
      rechtsform: text(64),
      registernummer: text(64),
      strasse: text(255),
      hausnummer: text(16),
      plz: text(5),
      ort: text(128),
      bundesland: enumText(true),
      ags: text(8),
      wzCode: text(8),
      kmu: boolean(),
      flottengroesse: integer(),
      ...timestamps(),
    });

    await createTable(qi, 'person', {
      id: id(),
      anrede: enumText(true),
      vorname: text(128, false),
      nachname: text(128, false),
      email: text(254, false),
      telefon: text(64),
      oidcSubject: text(255),
      datenschutzEinwilligungAm: timestamp(true),
      letzteAnmeldungAm: timestamp(true),
      ...timestamps(),
    });
    await index(qi, 'person', 'person_email_idx', ['email']);
    await index(qi, 'person', 'person_oidc_subject_uq', ['oidcSubject'], true);

    await createTable(qi, 'betreiber', {
      id: id(),
      name: text(255, false),
      evseOperatorId: text(16),
      strasse: text(255),
      hausnummer: text(16),
      plz: text(5),
      ort: text(128),
      email: text(254),
      telefon: text(64),
      ...timestamps(),
    });
    await index(qi, 'betreiber', 'betreiber_evse_operator_id_idx', ['evseOperatorId']);

    const count = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    await createTable(qi, 'importlauf', {
      id: id(),
      quelle: enumText(),
      dateiname: text(255, false),
      dateiHash: { type: DataTypes.CHAR(64), allowNull: false },
      speicherSchluessel: text(512),
      status: enumText(),
      zeilenGesamt: count(),
      neu: count(),
      aktualisiert: count(),
      unveraendert: count(),
      abgelehnt: count(),
      gestartetAm: timestamp(),
      beendetAm: timestamp(true),
      gestartetVon: text(255),
      ...timestamps(),
    });
    await index(qi, 'importlauf', 'importlauf_datei_hash_idx', ['dateiHash']);
  },
  async down(qi) {
    for (const table of ['importlauf', 'betreiber', 'person', 'zuwendungsempfaenger', 'programm']) {
      await qi.dropTable(table);
    }
  },
};
