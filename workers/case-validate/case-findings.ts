/**
 * Findings of the case check beyond the shared location rules: what a case needs before its
 * Reporting-ID can be issued (at least one location with charging groups) and the access the
 * programme requires of its locations. Same shape as the domain's findings (code, severity,
 * path, German and English message).
 */
import type { Finding } from '../../domain/index.js';

const ACCESS_DE: Record<string, string> = {
  OEFFENTLICH: 'öffentlich zugänglich',
  NICHT_OEFFENTLICH: 'nicht öffentlich zugänglich',
  EINGESCHRAENKT: 'eingeschränkt zugänglich',
};

/** The case has no location yet. */
export function noLocation(): Finding {
  return {
    code: 'CASE_NO_LOCATION',
    severity: 'error',
    path: 'locations',
    message: 'Es ist noch kein Standort erfasst. Bitte erfassen Sie den geförderten Standort.',
    messageEn: 'No location has been entered yet. Please enter the funded location.',
    params: {},
  };
}

/** A location has no charging group. */
export function noGroups(location: number): Finding {
  return {
    code: 'LOCATION_NO_GROUPS',
    severity: 'error',
    path: `locations[${location}].groups`,
    message: 'Für diesen Standort ist keine Ladesäulengruppe erfasst.',
    messageEn: 'No group of charging columns has been entered for this location.',
    params: { location },
  };
}

/** A location's access does not match what the programme requires. */
export function accessMismatch(
  location: number,
  programme: string,
  required: string,
  actual: string | null,
): Finding {
  return {
    code: 'LOCATION_ACCESS_MISMATCH',
    severity: 'error',
    path: `locations[${location}].access`,
    message: `Das Förderprogramm ${programme} verlangt einen ${ACCESS_DE[required] ?? required}en Standort; angegeben ist ${actual ? `„${ACCESS_DE[actual] ?? actual}“` : 'nichts'}.`,
    messageEn: `Funding programme ${programme} requires a location with access ${required}; given: ${actual ?? 'nothing'}.`,
    params: { location, programme, required, actual },
  };
}
