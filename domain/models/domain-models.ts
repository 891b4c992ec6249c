/**
 * All models of the funding domain, bound to one Sequelize instance, with their associations.
 * Each database gets its own model classes (subclasses of the exported ones), so two open
 * databases in one process never share state.
 */
import type { Sequelize } from 'sequelize';
import { initAuditEvent, type AuditEvent } from './audit-event.js';
import { initBerichtszeitraum, type Berichtszeitraum } from './berichtszeitraum.js';
import { initBetreiber, type Betreiber } from './betreiber.js';
import { initDokument, type Dokument } from './dokument.js';
import { initFoerderfall, type Foerderfall } from './foerderfall.js';
import { initImportfehler, type Importfehler } from './importfehler.js';
import { initImportlauf, type Importlauf } from './importlauf.js';
import { initLadepunkt, type Ladepunkt } from './ladepunkt.js';
import { initLadesaeulengruppe, type Ladesaeulengruppe } from './ladesaeulengruppe.js';
import { initLadevorgang, type Ladevorgang } from './ladevorgang.js';
import { initNutzungsbericht, type Nutzungsbericht } from './nutzungsbericht.js';
import { initPerson, type Person } from './person.js';
import { initPersonFoerderfall, type PersonFoerderfall } from './person-foerderfall.js';
import { initProgramm, type Programm } from './programm.js';
import { initStandort, type Standort } from './standort.js';
import { initUpload, type Upload } from './upload.js';
import { initZuwendungsempfaenger, type Zuwendungsempfaenger } from './zuwendungsempfaenger.js';
import { initKonto, type Konto } from './konto.js';
import { initKontoToken, type KontoToken } from './konto-token.js';
import { initSitzung, type Sitzung } from './sitzung.js';
import { initEinladung, type Einladung } from './einladung.js';
import { initEntwurf, type Entwurf } from './entwurf.js';
import { initGespeicherterFilter, type GespeicherterFilter } from './gespeicherter-filter.js';
import { initProzessversionNotiz, type ProzessversionNotiz } from './prozessversion-notiz.js';
import { initFormularversion, type Formularversion } from './formularversion.js';
import { initPruefbefund, type Pruefbefund } from './pruefbefund.js';
import { initAbschlussbestaetigung, type Abschlussbestaetigung } from './abschlussbestaetigung.js';

/** The typed model classes of one database, keyed by model name. */
export interface DomainModels {
  Programm: typeof Programm;
  Zuwendungsempfaenger: typeof Zuwendungsempfaenger;
  Person: typeof Person;
  Betreiber: typeof Betreiber;
  Importlauf: typeof Importlauf;
  Foerderfall: typeof Foerderfall;
  PersonFoerderfall: typeof PersonFoerderfall;
  Standort: typeof Standort;
  Ladesaeulengruppe: typeof Ladesaeulengruppe;
  Ladepunkt: typeof Ladepunkt;
  Berichtszeitraum: typeof Berichtszeitraum;
  Upload: typeof Upload;
  Nutzungsbericht: typeof Nutzungsbericht;
  Ladevorgang: typeof Ladevorgang;
  Dokument: typeof Dokument;
  Importfehler: typeof Importfehler;
  AuditEvent: typeof AuditEvent;
  Konto: typeof Konto;
  KontoToken: typeof KontoToken;
  Sitzung: typeof Sitzung;
  Einladung: typeof Einladung;
  Entwurf: typeof Entwurf;
  GespeicherterFilter: typeof GespeicherterFilter;
  ProzessversionNotiz: typeof ProzessversionNotiz;
  Formularversion: typeof Formularversion;
  Pruefbefund: typeof Pruefbefund;
  Abschlussbestaetigung: typeof Abschlussbestaetigung;
}

/** Defines every model on `sequelize` and wires the associations. */
export function initModels(sequelize: Sequelize): DomainModels {
  const models: DomainModels = {
    Programm: initProgramm(sequelize),
    Zuwendungsempfaenger: initZuwendungsempfaenger(sequelize),
    Person: initPerson(sequelize),
    Betreiber: initBetreiber(sequelize),
    Importlauf: initImportlauf(sequelize),
    Foerderfall: initFoerderfall(sequelize),
    PersonFoerderfall: initPersonFoerderfall(sequelize),
    Standort: initStandort(sequelize),
    Ladesaeulengruppe: initLadesaeulengruppe(sequelize),
    Ladepunkt: initLadepunkt(sequelize),
    Berichtszeitraum: initBerichtszeitraum(sequelize),
    Upload: initUpload(sequelize),
    Nutzungsbericht: initNutzungsbericht(sequelize),
    Ladevorgang: initLadevorgang(sequelize),
    Dokument: initDokument(sequelize),
    Importfehler: initImportfehler(sequelize),
    AuditEvent: initAuditEvent(sequelize),
    Konto: initKonto(sequelize),
    KontoToken: initKontoToken(sequelize),
    Sitzung: initSitzung(sequelize),
    Einladung: initEinladung(sequelize),
    Entwurf: initEntwurf(sequelize),
    GespeicherterFilter: initGespeicherterFilter(sequelize),
    ProzessversionNotiz: initProzessversionNotiz(sequelize),
    Formularversion: initFormularversion(sequelize),
    Pruefbefund: initPruefbefund(sequelize),
    Abschlussbestaetigung: initAbschlussbestaetigung(sequelize),
  };
  associate(models);
  return models;
}

/**
 * Associations for queries with `include`. Every foreign key of the migrations appears here as a
 * `belongsTo` with the same delete rule, so the documentation can list it and a test can compare
 * it with the database. The constraints themselves live in the migrations (`constraints: false`
 * keeps Sequelize from believing it owns them).
 */
function associate(m: DomainModels): void {
  const cascade = { constraints: false, onDelete: 'CASCADE' } as const;
  const restrict = { constraints: false, onDelete: 'RESTRICT' } as const;
  const setNull = { constraints: false, onDelete: 'SET NULL' } as const;
  const link = { constraints: false } as const;

  m.Foerderfall.belongsTo(m.Programm, { ...restrict, foreignKey: 'programmId', as: 'programm' });
  m.Foerderfall.belongsTo(m.Zuwendungsempfaenger, {
    ...restrict,
    foreignKey: 'zuwendungsempfaengerId',
    as: 'zuwendungsempfaenger',
  });
  m.Foerderfall.belongsTo(m.Importlauf, {
    ...setNull,
    foreignKey: 'importlaufId',
    as: 'importlauf',
  });
  m.PersonFoerderfall.belongsTo(m.Person, { ...cascade, foreignKey: 'personId', as: 'person' });
  m.PersonFoerderfall.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Standort.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Standort.belongsTo(m.Betreiber, { ...setNull, foreignKey: 'betreiberId', as: 'betreiber' });
  m.Ladesaeulengruppe.belongsTo(m.Standort, {
    ...cascade,
    foreignKey: 'standortId',
    as: 'standort',
  });
  m.Ladepunkt.belongsTo(m.Ladesaeulengruppe, {
    ...cascade,
    foreignKey: 'ladesaeulengruppeId',
    as: 'ladesaeulengruppe',
  });
  m.Berichtszeitraum.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Upload.belongsTo(m.Foerderfall, { ...cascade, foreignKey: 'foerderfallId', as: 'foerderfall' });
  m.Upload.belongsTo(m.Berichtszeitraum, {
    ...setNull,
    foreignKey: 'berichtszeitraumId',
    as: 'berichtszeitraum',
  });
  m.Upload.belongsTo(m.Person, { ...setNull, foreignKey: 'personId', as: 'person' });
  m.Nutzungsbericht.belongsTo(m.Berichtszeitraum, {
    ...cascade,
    foreignKey: 'berichtszeitraumId',
    as: 'berichtszeitraum',
  });
  m.Nutzungsbericht.belongsTo(m.Standort, { ...cascade, foreignKey: 'standortId', as: 'standort' });
  m.Nutzungsbericht.belongsTo(m.Person, {
    ...setNull,
    foreignKey: 'eingereichtVonPersonId',
    as: 'eingereichtVon',
  });
  m.Ladevorgang.belongsTo(m.Ladepunkt, { ...cascade, foreignKey: 'ladepunktId', as: 'ladepunkt' });
  m.Ladevorgang.belongsTo(m.Upload, { ...setNull, foreignKey: 'uploadId', as: 'upload' });
  m.Dokument.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Dokument.belongsTo(m.Standort, { ...setNull, foreignKey: 'standortId', as: 'standort' });
  m.Dokument.belongsTo(m.Upload, { ...setNull, foreignKey: 'uploadId', as: 'upload' });
  m.Importfehler.belongsTo(m.Importlauf, {
    ...cascade,
    foreignKey: 'importlaufId',
    as: 'importlauf',
  });
  m.Importfehler.belongsTo(m.Upload, { ...cascade, foreignKey: 'uploadId', as: 'upload' });
  m.Pruefbefund.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Pruefbefund.belongsTo(m.Berichtszeitraum, {
    ...setNull,
    foreignKey: 'berichtszeitraumId',
    as: 'berichtszeitraum',
  });
  m.Pruefbefund.belongsTo(m.Nutzungsbericht, {
    ...setNull,
    foreignKey: 'nutzungsberichtId',
    as: 'nutzungsbericht',
  });
  m.Abschlussbestaetigung.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.KontoToken.belongsTo(m.Konto, { ...cascade, foreignKey: 'kontoId', as: 'konto' });
  m.Einladung.belongsTo(m.Foerderfall, {
    ...cascade,
    foreignKey: 'foerderfallId',
    as: 'foerderfall',
  });
  m.Einladung.belongsTo(m.Person, {
    ...setNull,
    foreignKey: 'eingeloestVonPersonId',
    as: 'eingeloestVon',
  });
  m.Einladung.belongsTo(m.Person, {
    ...setNull,
    foreignKey: 'erstelltVonPersonId',
    as: 'erstelltVon',
  });

  m.Programm.hasMany(m.Foerderfall, { ...link, foreignKey: 'programmId', as: 'foerderfaelle' });
  m.Zuwendungsempfaenger.hasMany(m.Foerderfall, {
    ...link,
    foreignKey: 'zuwendungsempfaengerId',
    as: 'foerderfaelle',
  });
  m.Importlauf.hasMany(m.Foerderfall, { ...link, foreignKey: 'importlaufId', as: 'foerderfaelle' });
  m.Importlauf.hasMany(m.Importfehler, { ...link, foreignKey: 'importlaufId', as: 'fehler' });
  m.Person.belongsToMany(m.Foerderfall, {
    ...link,
    through: m.PersonFoerderfall,
    foreignKey: 'personId',
    otherKey: 'foerderfallId',
    as: 'foerderfaelle',
  });
  m.Foerderfall.belongsToMany(m.Person, {
    ...link,
    through: m.PersonFoerderfall,
    foreignKey: 'foerderfallId',
    otherKey: 'personId',
    as: 'personen',
  });
  m.Foerderfall.hasMany(m.Standort, { ...link, foreignKey: 'foerderfallId', as: 'standorte' });
  m.Foerderfall.hasMany(m.Berichtszeitraum, {
    ...link,
    foreignKey: 'foerderfallId',
    as: 'berichtszeitraeume',
  });
  m.Foerderfall.hasMany(m.Upload, { ...link, foreignKey: 'foerderfallId', as: 'uploads' });
  m.Foerderfall.hasMany(m.Dokument, { ...link, foreignKey: 'foerderfallId', as: 'dokumente' });
  m.Betreiber.hasMany(m.Standort, { ...link, foreignKey: 'betreiberId', as: 'standorte' });
  m.Standort.hasMany(m.Ladesaeulengruppe, {
    ...link,
    foreignKey: 'standortId',
    as: 'ladesaeulengruppen',
  });
  m.Ladesaeulengruppe.hasMany(m.Ladepunkt, {
    ...link,
    foreignKey: 'ladesaeulengruppeId',
    as: 'ladepunkte',
  });
  m.Ladepunkt.hasMany(m.Ladevorgang, { ...link, foreignKey: 'ladepunktId', as: 'ladevorgaenge' });
  m.Berichtszeitraum.hasMany(m.Nutzungsbericht, {
    ...link,
    foreignKey: 'berichtszeitraumId',
    as: 'nutzungsberichte',
  });
  m.Upload.hasMany(m.Ladevorgang, { ...link, foreignKey: 'uploadId', as: 'ladevorgaenge' });
  m.Upload.hasMany(m.Importfehler, { ...link, foreignKey: 'uploadId', as: 'fehler' });
}
