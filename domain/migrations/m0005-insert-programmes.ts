import type { DomainMigration } from './domain-migration.js';

/**
 * The programmes of DOMAIN.md as reference data. Ids are fixed so that every installation
 * (SQLite or MySQL) refers to a programme by the same UUID. A new programme is a new migration
 * with a new row, not a code change.
 */
export const programmIds = {
  KFW_439: '4390a7c1-6d2e-4f0b-9a43-000000000439',
  KFW_440: '4400a7c1-6d2e-4f0b-9a43-000000000440',
  KFW_441: '4410a7c1-6d2e-4f0b-9a43-000000000441',
  LIS_VOR_ORT: '0115a7c1-6d2e-4f0b-9a43-00000000015a',
} as const;

const common = {
  zweckbindungJahre: 6,
  berichtsrhythmus: 'JAEHRLICH',
  aktiv: true,
  roamingPflicht: false,
  adHocLadenPflicht: false,
  privaterStellplatz: false,
  pauschaleProLadepunkt: null,
};
const asKfw441 = {
  ...common,
  foerderquoteProzent: '70.00',
  maxZuschussProLadepunkt: '900.00',
  maxZuschussProStandort: '45000.00',
  maxKwProLadepunkt: '22.00',
  zugang: 'NICHT_OEFFENTLICH',
  oekostromPflicht: true,
};

const programmes = [
  {
    ...asKfw441,
    id: programmIds.KFW_441,
    code: 'KFW_441',
    kfwProgrammnummer: '441',
    name: 'Zuschuss Ladestationen für Elektrofahrzeuge – Unternehmen (441)',
    empfaengertypen: JSON.stringify(['UNTERNEHMEN', 'EINZELUNTERNEHMEN', 'GEMEINNUETZIG']),
  },
  {
    ...asKfw441,
    id: programmIds.KFW_439,
    code: 'KFW_439',
    kfwProgrammnummer: '439',
    name: 'Zuschuss Ladestationen für Elektrofahrzeuge – Kommunen (439)',
    empfaengertypen: JSON.stringify(['KOMMUNE']),
  },
  {
    ...common,
    id: programmIds.KFW_440,
    code: 'KFW_440',
    kfwProgrammnummer: '440',
    name: 'Zuschuss Ladestationen für Wohngebäude (440)',
    empfaengertypen: JSON.stringify(['NATUERLICHE_PERSON', 'WEG']),
    foerderquoteProzent: null,
    maxZuschussProLadepunkt: '900.00',
    maxZuschussProStandort: null,
    pauschaleProLadepunkt: '900.00',
    maxKwProLadepunkt: '11.00',
    zugang: 'NICHT_OEFFENTLICH',
    privaterStellplatz: true,
    oekostromPflicht: true,
  },
  {
    ...common,
    id: programmIds.LIS_VOR_ORT,
    code: 'LIS_VOR_ORT',
    kfwProgrammnummer: null,
    name: 'Ladeinfrastruktur vor Ort',
    empfaengertypen: JSON.stringify(['UNTERNEHMEN', 'EINZELUNTERNEHMEN', 'KOMMUNE']),
    foerderquoteProzent: '80.00',
    maxZuschussProLadepunkt: null,
    maxZuschussProStandort: null,
    maxKwProLadepunkt: null,
    zugang: 'OEFFENTLICH',
    roamingPflicht: true,
    adHocLadenPflicht: true,
    oekostromPflicht: false,
  },
];

/** Inserts KFW_439, KFW_440, KFW_441 and LIS_VOR_ORT. */
export const insertProgrammes: DomainMigration = {
  name: 'm0005-insert-programmes',
  async up(qi) {
    const now = new Date();
    await qi.bulkInsert(
      'programm',
      programmes.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
    );
  },
  async down(qi) {
    await qi.bulkDelete('programm', { id: Object.values(programmIds) });
  },
};
