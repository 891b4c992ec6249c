/**
 * Broken variants of each form's example: what a user could submit, where the error must show,
 * and (part of) the German message they must read there.
 */
type Data = Record<string, unknown>;
/** One broken submission derived from a form's example. */
export interface BrokenVariant {
  readonly formId: string;
  readonly what: string;
  readonly breakIt: (example: Data) => void;
  readonly path: string;
  readonly message: string;
}

const at = (data: Data, path: string): Data =>
  path.split('/').reduce<Data>((node, key) => node[key] as Data, data);

/** The table: one row per way to get a form wrong. */
export const BROKEN_VARIANTS: readonly BrokenVariant[] = [
  // stammdaten
  {
    formId: 'stammdaten',
    what: 'PLZ that lost its leading zero',
    breakIt: (d) => {
      at(d, 'zuwendungsempfaenger/anschrift').plz = '1067';
    },
    path: '/zuwendungsempfaenger/anschrift/plz',
    message: 'genau fünf Ziffern',
  },
  {
    formId: 'stammdaten',
    what: 'PLZ given as a number',
    breakIt: (d) => {
      at(d, 'zuwendungsempfaenger/anschrift').plz = 10115;
    },
    path: '/zuwendungsempfaenger/anschrift/plz',
    message: 'genau fünf Ziffern',
  },
  {
    formId: 'stammdaten',
    what: 'e-mail without domain',
    breakIt: (d) => {
      at(d, 'ansprechperson').email = 'erika@';
    },
    path: '/ansprechperson/email',
    message: 'gültige Adresse',
  },
  {
    formId: 'stammdaten',
    what: 'no privacy consent',
    breakIt: (d) => {
      d.datenschutzEinwilligung = false;
    },
    path: '/datenschutzEinwilligung',
    message: 'Ohne Einwilligung',
  },
  {
    formId: 'stammdaten',
    what: 'privacy consent missing',
    breakIt: (d) => {
      delete d.datenschutzEinwilligung;
    },
    path: '/datenschutzEinwilligung',
    message: 'Datenschutzhinweisen zustimmen',
  },
  {
    formId: 'stammdaten',
    what: 'company without register number',
    breakIt: (d) => {
      delete at(d, 'zuwendungsempfaenger').registernummer;
    },
    path: '/zuwendungsempfaenger/registernummer',
    message: 'Handelsregisternummer',
  },
  {
    formId: 'stammdaten',
    what: 'other operator without operator data',
    breakIt: (d) => {
      delete d.betreiber;
    },
    path: '/betreiber',
    message: 'Betreiber angeben',
  },
  {
    formId: 'stammdaten',
    what: 'unknown Bundesland',
    breakIt: (d) => {
      at(d, 'zuwendungsempfaenger/anschrift').bundesland = 'Bavaria';
    },
    path: '/zuwendungsempfaenger/anschrift/bundesland',
    message: 'Bundesland',
  },
  {
    formId: 'stammdaten',
    what: 'field the form does not know',
    breakIt: (d) => {
      d.passwort = 'geheim';
    },
    path: '/passwort',
    message: 'Unbekanntes Feld',
  },
  // standort
  {
    formId: 'standort',
    what: 'no Ladesäulengruppe',
    breakIt: (d) => {
      d.ladesaeulengruppen = [];
    },
    path: '/ladesaeulengruppen',
    message: 'mindestens eine Ladesäulengruppe',
  },
  {
    formId: 'standort',
    what: 'pin outside Germany',
    breakIt: (d) => {
      at(d, 'position').breitengrad = 48.85;
      at(d, 'position').laengengrad = 2.35;
    },
    path: '/position/laengengrad',
    message: 'in Deutschland',
  },
  {
    formId: 'standort',
    what: 'AC point above 43 kW',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/0').kwProLadepunkt = 150;
    },
    path: '/ladesaeulengruppen/0/kwProLadepunkt',
    message: 'höchstens 43 kW',
  },
  {
    formId: 'standort',
    what: 'zero points per column',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/1').ladepunkteProSaeule = 0;
    },
    path: '/ladesaeulengruppen/1/ladepunkteProSaeule',
    message: 'ganze Zahl',
  },
  {
    formId: 'standort',
    what: 'half a column',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/0').anzahlLadesaeulen = 1.5;
    },
    path: '/ladesaeulengruppen/0/anzahlLadesaeulen',
    message: 'ganze Zahl',
  },
  {
    formId: 'standort',
    what: 'unknown connector',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/0').steckertypen = ['TESLA'];
    },
    path: '/ladesaeulengruppen/0/steckertypen/0',
    message: 'Steckertypen',
  },
  {
    formId: 'standort',
    what: 'malformed EVSE-ID',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/0').evseIds = ['DE-ABC-123'];
    },
    path: '/ladesaeulengruppen/0/evseIds/0',
    message: 'DE*ABC*E000123*1',
  },
  {
    formId: 'standort',
    what: 'impossible commissioning date',
    breakIt: (d) => {
      at(d, 'ladesaeulengruppen/0').inbetriebnahme = '2024-02-30';
    },
    path: '/ladesaeulengruppen/0/inbetriebnahme',
    message: 'gültiges Datum',
  },
  {
    formId: 'standort',
    what: 'commissioned without calibration-law answer',
    breakIt: (d) => {
      delete at(d, 'ladesaeulengruppen/0').eichrechtskonform;
    },
    path: '/ladesaeulengruppen/0/eichrechtskonform',
    message: 'eichrechtskonform',
  },
  {
    formId: 'standort',
    what: 'PV without its capacity',
    breakIt: (d) => {
      delete d.pvLeistungKwp;
    },
    path: '/pvLeistungKwp',
    message: 'PV-Anlage',
  },
  // kontakt-aufnehmen
  {
    formId: 'kontakt-aufnehmen',
    what: 'reached but no outcome',
    breakIt: (d) => {
      delete d.ergebnis;
    },
    path: '/ergebnis',
    message: 'Ergebnis',
  },
  {
    formId: 'kontakt-aufnehmen',
    what: 'unknown channel',
    breakIt: (d) => {
      d.kontaktweg = 'FAX';
    },
    path: '/kontaktweg',
    message: 'Kontaktweg',
  },
  // pruefung
  {
    formId: 'pruefung',
    what: 'rework without reasons',
    breakIt: (d) => {
      delete d.befunde;
    },
    path: '/befunde',
    message: 'Begründungen je Feld',
  },
  {
    formId: 'pruefung',
    what: 'rework with an empty reason list',
    breakIt: (d) => {
      d.befunde = [];
    },
    path: '/befunde',
    message: 'mindestens eine Begründung',
  },
  {
    formId: 'pruefung',
    what: 'reason too short',
    breakIt: (d) => {
      at(d, 'befunde/0').begruendung = 'falsch';
    },
    path: '/befunde/0/begruendung',
    message: 'mindestens 10 Zeichen',
  },
  {
    formId: 'pruefung',
    what: 'reason without its field',
    breakIt: (d) => {
      delete at(d, 'befunde/0').feld;
    },
    path: '/befunde/0/feld',
    message: 'Feld angeben',
  },
  {
    formId: 'pruefung',
    what: 'approve with the checklist incomplete',
    breakIt: (d) => {
      d.decision = 'approve';
    },
    path: '/pruefpunkte/standortGeprueft',
    message: 'Prüfpunkt abhaken',
  },
  {
    formId: 'pruefung',
    what: 'decision outside the contract',
    breakIt: (d) => {
      d.decision = 'reject';
    },
    path: '/decision',
    message: 'Entscheidung',
  },
  // abschlussbestaetigung
  {
    formId: 'abschlussbestaetigung',
    what: 'deviations without description',
    breakIt: (d) => {
      d.abweichungen = true;
    },
    path: '/abweichungsbeschreibung',
    message: 'Abweichungen beschreiben',
  },
  {
    formId: 'abschlussbestaetigung',
    what: 'renewable power not confirmed',
    breakIt: (d) => {
      d.erneuerbarerStrom = false;
    },
    path: '/erneuerbarerStrom',
    message: 'vollständig erneuerbar',
  },
  // nutzungsbericht
  {
    formId: 'nutzungsbericht',
    what: 'negative energy',
    breakIt: (d) => {
      at(d, 'standorte/0').energieKwh = -5;
    },
    path: '/standorte/0/energieKwh',
    message: 'Zahl von 0',
  },
  {
    formId: 'nutzungsbericht',
    what: 'renewable share above 100 %',
    breakIt: (d) => {
      at(d, 'standorte/0').anteilErneuerbarProzent = 120;
    },
    path: '/standorte/0/anteilErneuerbarProzent',
    message: 'bis 100',
  },
  {
    formId: 'nutzungsbericht',
    what: 'share below 100 % without reason',
    breakIt: (d) => {
      at(d, 'standorte/0').anteilErneuerbarProzent = 80;
    },
    path: '/standorte/0/begruendungErneuerbar',
    message: 'Unter 100 %',
  },
  {
    formId: 'nutzungsbericht',
    what: 'estimate without its basis',
    breakIt: (d) => {
      at(d, 'standorte/0').messmethode = 'SCHAETZUNG';
    },
    path: '/standorte/0/schaetzungBegruendung',
    message: 'Schätzung',
  },
  {
    formId: 'nutzungsbericht',
    what: 'out of service more days than a year has',
    breakIt: (d) => {
      at(d, 'standorte/0').tageAusserBetrieb = 400;
    },
    path: '/standorte/0/tageAusserBetrieb',
    message: 'bis 366',
  },
  {
    formId: 'nutzungsbericht',
    what: 'changes without their kind',
    breakIt: (d) => {
      delete d.aenderungsarten;
    },
    path: '/aenderungsarten',
    message: 'Art der Änderung',
  },
  {
    formId: 'nutzungsbericht',
    what: 'operator change without the new operator',
    breakIt: (d) => {
      delete d.neuerBetreiber;
    },
    path: '/neuerBetreiber',
    message: 'neuen Betreiber',
  },
  {
    formId: 'nutzungsbericht',
    what: 'decommissioning without date',
    breakIt: (d) => {
      d.aenderungsarten = ['STILLLEGUNG'];
    },
    path: '/stilllegungAm',
    message: 'Stilllegung',
  },
  // upload-ladevorgaenge
  {
    formId: 'upload-ladevorgaenge',
    what: 'neither file nor opt-out',
    breakIt: (d) => {
      delete d.uploadId;
    },
    path: '/uploadId',
    message: 'Datei hochladen',
  },
  {
    formId: 'upload-ladevorgaenge',
    what: 'CSV without decimal separator',
    breakIt: (d) => {
      delete d.dezimaltrennzeichen;
    },
    path: '/dezimaltrennzeichen',
    message: 'Dezimaltrennzeichen',
  },
  {
    formId: 'upload-ladevorgaenge',
    what: 'forged upload id',
    breakIt: (d) => {
      d.uploadId = '../../etc/passwd';
    },
    path: '/uploadId',
    message: 'Kennung',
  },
  // bericht-pruefung
  {
    formId: 'bericht-pruefung',
    what: 'rework without reasons',
    breakIt: (d) => {
      d.decision = 'rework';
    },
    path: '/befunde',
    message: 'mindestens eine Begründung',
  },
  {
    formId: 'bericht-pruefung',
    what: 'approve with a check unticked',
    breakIt: (d) => {
      at(d, 'pruefpunkte').energiePlausibel = false;
    },
    path: '/pruefpunkte/energiePlausibel',
    message: 'Prüfpunkt abhaken',
  },
  // nachforderung
  {
    formId: 'nachforderung',
    what: '"other" without naming it',
    breakIt: (d) => {
      delete d.sonstigeUnterlagen;
    },
    path: '/sonstigeUnterlagen',
    message: 'sonstigen Unterlagen',
  },
  {
    formId: 'nachforderung',
    what: 'fourth reminder level',
    breakIt: (d) => {
      d.mahnstufe = 4;
    },
    path: '/mahnstufe',
    message: 'bis 3',
  },
  {
    formId: 'nachforderung',
    what: 'deadline as German text',
    breakIt: (d) => {
      d.nachfrist = '30.04.2027';
    },
    path: '/nachfrist',
    message: 'gültiges Datum',
  },
  // aenderungsmeldung
  {
    formId: 'aenderungsmeldung',
    what: 'nothing changed',
    breakIt: (d) => {
      d.aenderungsarten = [];
    },
    path: '/aenderungsarten',
    message: 'mindestens einen Eintrag',
  },
  {
    formId: 'aenderungsmeldung',
    what: 'operator change without operator section',
    breakIt: (d) => {
      delete d.betreiberwechsel;
    },
    path: '/betreiberwechsel',
    message: 'neuen Betreiber',
  },
  {
    formId: 'aenderungsmeldung',
    what: 'contact change without contact section',
    breakIt: (d) => {
      (d.aenderungsarten as string[]).push('KONTAKT');
    },
    path: '/kontakt',
    message: 'Kontaktdaten',
  },
  {
    formId: 'aenderungsmeldung',
    what: 'decommissioning of zero points',
    breakIt: (d) => {
      at(d, 'stilllegung').anzahlLadepunkte = 0;
    },
    path: '/stilllegung/anzahlLadepunkte',
    message: 'ganze Zahl',
  },
  {
    formId: 'aenderungsmeldung',
    what: 'new operator e-mail invalid',
    breakIt: (d) => {
      at(d, 'betreiberwechsel').email = 'betrieb at example.org';
    },
    path: '/betreiberwechsel/email',
    message: 'gültige Adresse',
  },
  // aenderungsmeldung-pruefung
  {
    formId: 'aenderungsmeldung-pruefung',
    what: 'rejection without reason',
    breakIt: (d) => {
      delete d.begruendung;
    },
    path: '/begruendung',
    message: 'Ablehnung braucht eine Begründung',
  },
  {
    formId: 'aenderungsmeldung-pruefung',
    what: 'rework is not a decision here',
    breakIt: (d) => {
      d.decision = 'rework';
    },
    path: '/decision',
    message: 'Entscheidung',
  },
  // widerruf
  {
    formId: 'widerruf',
    what: 'no hearing',
    breakIt: (d) => {
      delete d.anhoerungAm;
    },
    path: '/anhoerungAm',
    message: 'Anhörung',
  },
  {
    formId: 'widerruf',
    what: 'reclaim without amount',
    breakIt: (d) => {
      delete d.rueckforderungsbetragEur;
    },
    path: '/rueckforderungsbetragEur',
    message: 'Rückforderungsbetrag',
  },
  {
    formId: 'widerruf',
    what: 'reasons too short for a notice',
    breakIt: (d) => {
      d.begruendung = 'Keine Berichte.';
    },
    path: '/begruendung',
    message: 'mindestens 50 Zeichen',
  },
  // widerruf-freigabe
  {
    formId: 'widerruf-freigabe',
    what: 'four-eyes check not confirmed',
    breakIt: (d) => {
      d.vierAugenBestaetigung = false;
    },
    path: '/vierAugenBestaetigung',
    message: 'Vier-Augen',
  },
  {
    formId: 'widerruf-freigabe',
    what: 'rejection without reason',
    breakIt: (d) => {
      d.decision = 'reject';
    },
    path: '/begruendung',
    message: 'Ablehnung',
  },
  // importfehler
  {
    formId: 'importfehler',
    what: 'row report not reviewed',
    breakIt: (d) => {
      delete d.zeilenberichtGesehen;
    },
    path: '/zeilenberichtGesehen',
    message: 'Zeilenbericht',
  },
  {
    formId: 'importfehler',
    what: 'correction requested without contact date',
    breakIt: (d) => {
      delete d.kfwKontaktiertAm;
    },
    path: '/kfwKontaktiertAm',
    message: 'KfW kontaktiert',
  },
  // snapshot-pruefung
  {
    formId: 'snapshot-pruefung',
    what: 'suppression not assessed',
    breakIt: (d) => {
      d.unterdrueckungBewertet = false;
    },
    path: '/unterdrueckungBewertet',
    message: 'unterdrückten Zeilen',
  },
  {
    formId: 'snapshot-pruefung',
    what: 'rejection without reason',
    breakIt: (d) => {
      d.decision = 'reject';
    },
    path: '/begruendung',
    message: 'Ablehnung',
  },
];
