/**
 * A Förderfall with what the validation and planning workers need: its programme, its
 * locations and their Ladesäulengruppen, read in three queries.
 */
import type {
  Database,
  Foerderfall,
  Ladesaeulengruppe,
  Programm,
  Standort,
} from '../../domain/index.js';

/** One location with its groups. */
export interface LocationData {
  standort: Standort;
  gruppen: Ladesaeulengruppe[];
}

/** A case as the workers read it. */
export interface CaseData {
  fall: Foerderfall;
  programm: Programm;
  standorte: LocationData[];
}

/** The case, or undefined when there is none with that id. */
export async function loadCase(db: Database, caseId: string): Promise<CaseData | undefined> {
  const { Foerderfall, Programm, Standort, Ladesaeulengruppe } = db.models;
  const fall = await Foerderfall.findByPk(caseId);
  if (!fall) return undefined;
  const programm = await Programm.findByPk(fall.programmId, { rejectOnEmpty: true });
  const standorte = await Standort.findAll({
    where: { foerderfallId: fall.id },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const gruppen = standorte.length
    ? await Ladesaeulengruppe.findAll({
        where: { standortId: standorte.map((s) => s.id) },
        order: [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ],
      })
    : [];
  return {
    fall,
    programm,
    standorte: standorte.map((standort) => ({
      standort,
      gruppen: gruppen.filter((g) => g.standortId === standort.id),
    })),
  };
}

/** The earliest commissioning date of any group of the case (`YYYY-MM-DD`), if any. */
export function firstCommissioning(data: CaseData): string | undefined {
  const dates = data.standorte
    .flatMap((s) => s.gruppen.map((g) => g.inbetriebnahme))
    .filter((date): date is string => typeof date === 'string')
    .sort();
  return data.fall.ersteInbetriebnahme ?? dates[0];
}
