/**
 * Process administration for process owners: definitions and their versions with the deploy
 * notes, the BPMN XML, deploying a new version (linted with Camunda's rules first; the engine's
 * refusal comes back by element id), instances with their element states, variables and
 * incidents, retrying an incident and cancelling an instance. Every change is audited.
 */
import { Op } from 'sequelize';
import type { Database } from '../../../../domain/index.js';
import {
  DeploymentRejectedError,
  type ElementInstance,
  type Incident,
  type InstanceFilter,
  type InstanceVariable,
  type Page,
  type ProcessClient,
  type ProcessDefinition,
  type ProcessInstance,
} from '../../engine-client/process-client.js';
import {
  ConflictError,
  DependencyUnavailableError,
  NotFoundError,
  ProblemsError,
} from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import { lintModel } from './model-lint.js';

/** The note stored with a version deployed through the portal. */
export interface VersionNote {
  note: string;
  deployedBy: string;
  deployedAt: string;
}

/** A definition with its note (null for versions deployed from files at start-up). */
export type DefinitionWithNote = ProcessDefinition & { note: VersionNote | null };

/** States of one BPMN element across an instance, for diagram overlays. */
export interface ElementOverlay {
  elementId: string;
  active: number;
  completed: number;
  terminated: number;
  incidents: number;
}

/** An instance with everything a process owner looks at. */
export interface InstanceDetail {
  instance: ProcessInstance;
  elements: ElementInstance[];
  overlays: ElementOverlay[];
  variables: InstanceVariable[];
  incidents: Incident[];
}

/** The outcome of a deployment. */
export interface Deployment {
  definition: DefinitionWithNote;
  /** Warnings of the lint (errors refuse the deployment). */
  warnings: { elementId: string | null; rule: string; message: string }[];
}

/** The service. */
export interface ProcessService {
  definitions(
    filter: { processId?: string; latestOnly: boolean },
    page: Page,
  ): Promise<{ items: DefinitionWithNote[]; total: number }>;
  definition(key: string): Promise<DefinitionWithNote>;
  xml(key: string): Promise<string>;
  deploy(
    principal: Principal,
    input: { xml: string; note: string },
    requestId: string,
  ): Promise<Deployment>;
  instances(
    filter: InstanceFilter,
    page: Page,
  ): Promise<{ items: ProcessInstance[]; total: number }>;
  instance(key: string): Promise<InstanceDetail>;
  retryIncident(
    principal: Principal,
    instanceKey: string,
    incidentKey: string,
    retries: number,
    requestId: string,
  ): Promise<void>;
  cancel(principal: Principal, instanceKey: string, requestId: string): Promise<void>;
}

/** Counts element instances per element id and state (what a diagram overlay shows). */
export function overlaysOf(elements: ElementInstance[]): ElementOverlay[] {
  const byElement = new Map<string, ElementOverlay>();
  for (const element of elements) {
    if (element.type === 'PROCESS') continue;
    const overlay = byElement.get(element.elementId) ?? {
      elementId: element.elementId,
      active: 0,
      completed: 0,
      terminated: 0,
      incidents: 0,
    };
    if (element.state === 'ACTIVE') overlay.active += 1;
    else if (element.state === 'COMPLETED') overlay.completed += 1;
    else overlay.terminated += 1;
    if (element.hasIncident) overlay.incidents += 1;
    byElement.set(element.elementId, overlay);
  }
  return [...byElement.values()];
}

/** The first process id of a model, to name the deployed resource `<id>.bpmn` like `processes/`. */
const processIdOf = (xml: string) =>
  /<(?:[\w-]+:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1] ?? 'model';

/** Creates the service (absent client: every engine call answers 503). */
export function createProcessService(deps: {
  db: Database;
  processes: ProcessClient | undefined;
}): ProcessService {
  const m = deps.db.models;
  const client = () => {
    if (!deps.processes) throw new DependencyUnavailableError('Engine (Prozesse)');
    return deps.processes;
  };

  async function withNotes(definitions: ProcessDefinition[]): Promise<DefinitionWithNote[]> {
    const keys = definitions.map((d) => d.processDefinitionKey);
    const notes = keys.length
      ? await m.ProzessversionNotiz.findAll({ where: { prozessDefinitionKey: { [Op.in]: keys } } })
      : [];
    const byKey = new Map(notes.map((n) => [n.prozessDefinitionKey, n]));
    return definitions.map((d) => {
      const note = byKey.get(d.processDefinitionKey);
      return {
        ...d,
        note: note
          ? {
              note: note.notiz,
              deployedBy: note.subjekt,
              deployedAt: note.createdAt.toISOString(),
            }
          : null,
      };
    });
  }

  async function existingInstance(key: string): Promise<ProcessInstance> {
    const instance = await client().getInstance(key);
    if (!instance) throw new NotFoundError('Prozessinstanz');
    return instance;
  }

  const audit = (
    principal: Principal,
    aktion: string,
    objektId: string,
    requestId: string,
    nachher: Record<string, unknown>,
  ) =>
    m.AuditEvent.create({
      akteurTyp: 'PERSON',
      akteurId: principal.subject,
      aktion,
      objektTyp: 'prozessinstanz',
      objektId,
      nachher,
      korrelationId: requestId,
    });

  return {
    async definitions(filter, page) {
      const found = await client().searchDefinitions(
        { processDefinitionId: filter.processId, latestOnly: filter.latestOnly },
        page,
      );
      return { items: await withNotes(found.items), total: found.total };
    },

    async definition(key) {
      const found = await client().getDefinition(key);
      if (!found) throw new NotFoundError('Prozessdefinition');
      return (await withNotes([found]))[0]!;
    },

    async xml(key) {
      const xml = await client().getXml(key);
      if (xml === undefined) throw new NotFoundError('Prozessdefinition');
      return xml;
    },

    async deploy(principal, input, requestId) {
      const problems = await lintModel(input.xml);
      const errors = problems.filter((p) => p.category === 'error');
      if (errors.length > 0)
        throw new ProblemsError(
          'MODEL_INVALID',
          'Das Modell verletzt Camundas Regeln',
          errors.map((p) => ({
            path: p.elementId ? `/elements/${p.elementId}` : '/body/xml',
            message: `${p.rule}: ${p.message}`,
          })),
        );
      let deployed;
      try {
        deployed = await client().deploy(`${processIdOf(input.xml)}.bpmn`, input.xml);
      } catch (error) {
        if (!(error instanceof DeploymentRejectedError)) throw error;
        throw new ProblemsError(
          'DEPLOYMENT_REJECTED',
          'Die Engine hat das Modell abgelehnt',
          error.problems.map((p) => ({
            path: p.elementId ? `/elements/${p.elementId}` : '/body/xml',
            message: p.message,
          })),
        );
      }
      // The engine answers an unchanged model with the version it already has: its first note stays.
      const [note] = await m.ProzessversionNotiz.findOrCreate({
        where: { prozessDefinitionKey: deployed.processDefinitionKey },
        defaults: {
          prozessId: deployed.processDefinitionId,
          prozessDefinitionKey: deployed.processDefinitionKey,
          version: deployed.version,
          notiz: input.note,
          subjekt: principal.subject,
        },
      });
      await m.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'prozess.deploy',
        objektTyp: 'prozessdefinition',
        objektId: deployed.processDefinitionKey,
        nachher: { ...deployed, notiz: note.notiz },
        korrelationId: requestId,
      });
      const definition = (await client().getDefinition(deployed.processDefinitionKey)) ?? {
        processDefinitionKey: deployed.processDefinitionKey,
        processDefinitionId: deployed.processDefinitionId,
        name: deployed.processDefinitionId,
        version: deployed.version,
        resourceName: `${deployed.processDefinitionId}.bpmn`,
      };
      return {
        definition: (await withNotes([definition]))[0]!,
        warnings: problems
          .filter((p) => p.category === 'warn')
          .map((p) => ({ elementId: p.elementId, rule: p.rule, message: p.message })),
      };
    },

    instances: (filter, page) => client().searchInstances(filter, page),

    async instance(key) {
      const instance = await existingInstance(key);
      const [elements, variables, incidents] = await Promise.all([
        client().elementInstances(key),
        client().variables(key),
        client().incidents(key),
      ]);
      return { instance, elements, overlays: overlaysOf(elements), variables, incidents };
    },

    async retryIncident(principal, instanceKey, incidentKey, retries, requestId) {
      const incident = await client().getIncident(incidentKey);
      if (!incident || incident.processInstanceKey !== instanceKey)
        throw new NotFoundError('Vorfall');
      if (incident.state !== 'ACTIVE')
        throw new ConflictError('INCIDENT_NOT_ACTIVE', 'Der Vorfall ist nicht mehr offen');
      await client().retryIncident(incident, retries);
      await audit(principal, 'prozessinstanz.vorfall-wiederholt', instanceKey, requestId, {
        incidentKey,
        elementId: incident.elementId,
        retries,
      });
    },

    async cancel(principal, instanceKey, requestId) {
      const instance = await existingInstance(instanceKey);
      if (instance.state !== 'ACTIVE')
        throw new ConflictError('INSTANCE_NOT_ACTIVE', 'Die Prozessinstanz läuft nicht mehr');
      await client().cancelInstance(instanceKey);
      await audit(principal, 'prozessinstanz.abgebrochen', instanceKey, requestId, {
        processDefinitionId: instance.processDefinitionId,
      });
    },
  };
}
