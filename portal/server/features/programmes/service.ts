/**
 * Programmes (reference data): list, add, change. Each add and change is an audit event with the
 * values before and after; a programme's code is its stable name and never changes.
 */
import { UniqueConstraintError } from 'sequelize';
import type { Database, Programm } from '../../../../domain/index.js';
import { ConflictError, NotFoundError, RequestInvalidError } from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import { hasGrant, type NewProgramme, type ProgrammeChange } from './programme-schema.js';

/** A programme as the API shows it. */
export type ProgrammeView = ReturnType<typeof present>;

function present(p: Programm) {
  return {
    code: p.code,
    name: p.name,
    kfwProgrammnummer: p.kfwProgrammnummer ?? null,
    empfaengertypen: p.empfaengertypen,
    foerderquoteProzent: p.foerderquoteProzent ?? null,
    maxZuschussProLadepunkt: p.maxZuschussProLadepunkt ?? null,
    maxZuschussProStandort: p.maxZuschussProStandort ?? null,
    pauschaleProLadepunkt: p.pauschaleProLadepunkt ?? null,
    maxKwProLadepunkt: p.maxKwProLadepunkt ?? null,
    zugang: p.zugang ?? null,
    privaterStellplatz: p.privaterStellplatz,
    oekostromPflicht: p.oekostromPflicht,
    roamingPflicht: p.roamingPflicht,
    adHocLadenPflicht: p.adHocLadenPflicht,
    zweckbindungJahre: p.zweckbindungJahre,
    berichtsrhythmus: p.berichtsrhythmus,
    aktiv: p.aktiv,
  };
}

/** The service. */
export interface ProgrammeService {
  list(): Promise<ProgrammeView[]>;
  add(principal: Principal, input: NewProgramme, requestId: string): Promise<ProgrammeView>;
  change(
    principal: Principal,
    code: string,
    change: ProgrammeChange,
    requestId: string,
  ): Promise<ProgrammeView>;
}

/** Creates the service. */
export function createProgrammeService(db: Database): ProgrammeService {
  const m = db.models;
  const audit = (
    principal: Principal,
    aktion: string,
    objektId: string,
    vorher: object | null,
    nachher: object,
    requestId: string,
  ) =>
    m.AuditEvent.create({
      akteurTyp: 'PERSON',
      akteurId: principal.subject,
      aktion,
      objektTyp: 'programm',
      objektId,
      vorher: vorher as Record<string, unknown> | null,
      nachher: nachher as Record<string, unknown>,
      korrelationId: requestId,
    });

  return {
    async list() {
      const rows = await m.Programm.findAll({ order: [['code', 'ASC']] });
      return rows.map(present);
    },

    async add(principal, input, requestId) {
      try {
        return await db.sequelize.transaction(async (transaction) => {
          const row = await m.Programm.create(input, { transaction });
          const view = present(row);
          await m.AuditEvent.create(
            {
              akteurTyp: 'PERSON',
              akteurId: principal.subject,
              aktion: 'programm.angelegt',
              objektTyp: 'programm',
              objektId: row.id,
              nachher: view,
              korrelationId: requestId,
            },
            { transaction },
          );
          return view;
        });
      } catch (error) {
        if (error instanceof UniqueConstraintError)
          throw new ConflictError(
            'PROGRAMME_CODE_TAKEN',
            `Ein Programm mit dem Code ${input.code} gibt es schon`,
          );
        throw error;
      }
    },

    async change(principal, code, change, requestId) {
      const row = await m.Programm.findOne({ where: { code } });
      if (!row) throw new NotFoundError(`Programm ${code}`);
      const before = present(row);
      const after = { ...before, ...change };
      if (!hasGrant(after))
        throw new RequestInvalidError([
          {
            path: '/body/foerderquoteProzent',
            message: 'foerderquoteProzent oder pauschaleProLadepunkt angeben',
          },
        ]);
      await row.update(change);
      const view = present(row);
      await audit(principal, 'programm.geaendert', row.id, before, view, requestId);
      return view;
    },
  };
}
