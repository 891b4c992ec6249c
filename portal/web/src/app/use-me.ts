/** Who is logged in: `GET /api/me`; `null` when nobody is (401). */
import { createContext, useContext } from 'react';
import type { Me, Role } from '../api/types.js';

/** The principal of this browser session, or null before login. */
export const MeContext = createContext<Me | null>(null);

/** The logged-in person (null: anonymous). */
export const useMe = () => useContext(MeContext);

/** True when the logged-in person has one of the roles. */
export const hasRole = (me: Me | null, ...roles: Role[]) =>
  !!me && roles.some((role) => me.roles.includes(role));
