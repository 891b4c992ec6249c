/**
 * Prefill of the location forms: `standort`, `nutzungsbericht` and `abschlussbestaetigung`,
 * read back from the rows their writers (`writers/`) produce.
 */
import { Op } from 'sequelize';
import type { Database } from '../../../../domain/index.js';
import type { Principal } from '../../http/principal.js';
import { present } from './writers/form-writer.js';

const num = (value: string | null | undefined) =>
  value === null || value === undefined ? undefined : Number(value);

/** The case's main location (the first), with its groups and EVSE-IDs. */
export async function prefillStandort(
  db: Database,
  caseId: string,
): Promise<Record<string, unknown>> {
  const m = db.models;
  const s = await m.Standort.findOne({
    where: { foerderfallId: caseId },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  if (!s) return {};
  const groups = await m.Ladesaeulengruppe.findAll({
    where: { standortId: s.id },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const points = groups.length
    ? await m.Ladepunkt.findAll({
        where: { ladesaeulengruppeId: { [Op.in]: groups.map((g) => g.id) } },
        order: [['evseId', 'ASC']],
      })
    : [];
  return present({
    bezeichnung: s.bezeichnung,
    anschrift: present({
      strasse: s.strasse,
      hausnummer: s.hausnummer,
      plz: s.plz,
      ort: s.ort,
      bundesland: s.bundesland,
    }),
    position:
      s.breitengrad !== null && s.laengengrad !== null
        ? { breitengrad: Number(s.breitengrad), laengengrad: Number(s.laengengrad) }
        : undefined,
    zugang: s.zugang,
    standortTyp: s.standortTyp,
    netzanschlussKw: num(s.netzanschlussKw),
    lastmanagement: s.lastmanagement,
    pvAnlage: s.pvAnlage,
    pvLeistungKwp: num(s.pvLeistungKwp),
    speicher: s.speicher,
    speicherKwh: num(s.speicherKwh),
    stromherkunft: s.stromherkunft,
    ladesaeulengruppen: groups.map((g) => {
      const evseIds = points
        .filter((p) => p.ladesaeulengruppeId === g.id && p.evseId)
        .map((p) => p.evseId!);
      return present({
        hersteller: g.hersteller,
        modell: g.modell,
        anzahlLadesaeulen: g.anzahlLadesaeulen,
        ladepunkteProSaeule: g.ladepunkteProSaeule,
        kwProLadepunkt: Number(g.kwProLadepunkt),
        stromart: g.stromart,
        steckertypen: g.steckertypen,
        inbetriebnahme: g.inbetriebnahme,
        eichrechtskonform: g.eichrechtskonform,
        backend: g.backend,
        ocppVersion: g.ocppVersion,
        evseIds: evseIds.length ? evseIds : undefined,
      });
    }),
  });
}

/**
 * One entry per location of the case: this period's latest report if there is one (a rework),
 * else the method and renewable share of the location's latest earlier report ("prefilled from
 * last year"); the amounts of an earlier period are not carried over, they are new each year.
 */
export async function prefillNutzungsbericht(
  db: Database,
  caseId: string,
  periodId: string | null,
): Promise<Record<string, unknown>> {
  const m = db.models;
  const locations = await m.Standort.findAll({
    where: { foerderfallId: caseId },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  if (locations.length === 0) return {};
  const reports = await m.Nutzungsbericht.findAll({
    where: { standortId: { [Op.in]: locations.map((s) => s.id) } },
    order: [
      ['eingereichtAm', 'DESC'],
      ['version', 'DESC'],
    ],
  });
  const standorte = locations.map((s) => {
    const current = reports.find((r) => r.standortId === s.id && r.berichtszeitraumId === periodId);
    const earlier = reports.find((r) => r.standortId === s.id && r.berichtszeitraumId !== periodId);
    const base = { standortId: s.id, standortBezeichnung: s.bezeichnung ?? undefined };
    if (current)
      return present({
        ...base,
        energieKwh: num(current.energieKwh),
        messmethode: current.messmethode,
        anzahlLadevorgaenge: current.anzahlLadevorgaenge,
        anteilErneuerbarProzent: num(current.anteilErneuerbarProzent),
        tageAusserBetrieb: current.tageAusserBetrieb,
      });
    return present({
      ...base,
      messmethode: earlier?.messmethode,
      anteilErneuerbarProzent: num(earlier?.anteilErneuerbarProzent),
    });
  });
  return { standorte };
}

/** Points in operation at the case, and the confirming person's name. */
export async function prefillAbschluss(
  db: Database,
  caseId: string,
  principal: Principal,
): Promise<Record<string, unknown>> {
  const m = db.models;
  // A confirmation already given (a corrected one is filed again) is read back as it was.
  const given = await m.Abschlussbestaetigung.findOne({
    where: { foerderfallId: caseId },
    order: [['bestaetigtAm', 'DESC']],
  });
  if (given)
    return present({
      zweckbindungEingehalten: given.zweckbindungEingehalten,
      erneuerbarerStrom: given.erneuerbarerStrom,
      ladepunkteInBetrieb: given.ladepunkteInBetrieb,
      abweichungen: given.abweichungen,
      abweichungsbeschreibung: given.abweichungsbeschreibung,
      bestaetigtVon: given.bestaetigtVon,
      ort: given.ort,
      datum: given.datum,
    });
  const groups = await m.Ladesaeulengruppe.findAll({
    include: [
      { model: m.Standort, as: 'standort', where: { foerderfallId: caseId }, attributes: [] },
    ],
  });
  const points = groups.reduce((sum, g) => sum + g.anzahlLadesaeulen * g.ladepunkteProSaeule, 0);
  const person = await m.Person.findOne({ where: { oidcSubject: principal.subject } });
  return present({
    ladepunkteInBetrieb: groups.length ? points : undefined,
    bestaetigtVon: person ? `${person.vorname} ${person.nachname}` : undefined,
  });
}
