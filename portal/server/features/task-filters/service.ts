/** Saved task-list filters, per person (login subject). */
import type { Database } from '../../../../domain/index.js';
import { ConflictError, NotFoundError } from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';

/** One saved filter. */
export interface SavedFilter {
  id: string;
  name: string;
  kriterien: Record<string, unknown>;
}

/** The saved-filter service. */
export interface TaskFilterService {
  list(principal: Principal): Promise<SavedFilter[]>;
  save(
    principal: Principal,
    name: string,
    kriterien: Record<string, unknown>,
  ): Promise<SavedFilter>;
  remove(principal: Principal, id: string): Promise<void>;
}

/** Creates the service. */
export function createTaskFilterService(db: Database): TaskFilterService {
  const { GespeicherterFilter } = db.models;
  const shape = (f: {
    id: string;
    name: string;
    kriterien: Record<string, unknown>;
  }): SavedFilter => ({
    id: f.id,
    name: f.name,
    kriterien: f.kriterien,
  });
  return {
    async list(principal) {
      const rows = await GespeicherterFilter.findAll({
        where: { subjekt: principal.subject },
        order: [['name', 'ASC']],
      });
      return rows.map(shape);
    },
    async save(principal, name, kriterien) {
      if (await GespeicherterFilter.findOne({ where: { subjekt: principal.subject, name } }))
        throw new ConflictError('FILTER_NAME_TAKEN', `Es gibt schon einen Filter „${name}“`);
      return shape(
        await GespeicherterFilter.create({ subjekt: principal.subject, name, kriterien }),
      );
    },
    async remove(principal, id) {
      // Someone else's filter is as unknown as a missing one.
      const removed = await GespeicherterFilter.destroy({
        where: { id, subjekt: principal.subject },
      });
      if (removed === 0) throw new NotFoundError('Filter');
    },
  };
}
