import type { ChargingGroupInput, Ladesaeulengruppe } from '../../domain/index.js';

/** A stored Ladesäulengruppe as the plausibility rules see it. */
export function groupInput(gruppe: Ladesaeulengruppe): ChargingGroupInput {
  return {
    columns: gruppe.anzahlLadesaeulen,
    pointsPerColumn: gruppe.ladepunkteProSaeule,
    kwPerPoint: Number(gruppe.kwProLadepunkt),
    commissionedAt: gruppe.inbetriebnahme ?? null,
  };
}
