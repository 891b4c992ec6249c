import type { Principal } from '../../http/principal.js';

/** The caller as the API shows it. */
export function presentMe(principal: Principal) {
  return {
    subject: principal.subject,
    email: principal.email,
    name: principal.name,
    roles: principal.roles,
    authenticatedBy: principal.via,
  };
}
