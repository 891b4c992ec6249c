/**
 * The status timeline of a case, built from the element instances of the case's process instances
 * and their BPMN: what is done (completed steps with dates), what is active (with the due date of
 * an open user task), what comes next (the activities the active steps lead to, through
 * gateways), and by when (timers waiting on active steps or events: a duration counted from the
 * step's start, a date, or a FEEL variable such as `=periodDeadline`).
 */
import type {
  CaseElementInstance,
  CaseProcessClient,
} from '../../../engine-client/case-process-client.js';
import { readModelGraph, type ModelNode } from './model-graph.js';

/** One step of an instance. */
export interface TimelineStep {
  elementId: string;
  name: string;
  type: string;
  state: 'COMPLETED' | 'ACTIVE' | 'TERMINATED';
  startDate: string;
  endDate: string | null;
  /** An open user task's due date. */
  dueDate: string | null;
  hasIncident: boolean;
}

/** A timer that waits, and when it fires if that can be told. */
export interface TimelineTimer {
  elementId: string;
  name: string;
  /** The step the timer is attached to, if a boundary event. */
  attachedTo: string | null;
  dueDate: string | null;
}

/** A step that can come after the active ones. */
export interface TimelineNext {
  elementId: string;
  name: string;
  type: string;
}

/** The timeline of one process instance. */
export interface InstanceTimeline {
  processInstanceKey: string;
  processDefinitionId: string;
  name: string;
  state: string;
  startDate: string;
  endDate: string | null;
  done: TimelineStep[];
  active: TimelineStep[];
  next: TimelineNext[];
  timers: TimelineTimer[];
}

/** Element types shown as steps; gateways, flows and scopes are plumbing. */
const stepTypes = new Set([
  'START_EVENT',
  'END_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'SERVICE_TASK',
  'USER_TASK',
  'RECEIVE_TASK',
  'SEND_TASK',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
  'MANUAL_TASK',
  'TASK',
  'CALL_ACTIVITY',
  'SUB_PROCESS',
]);
const activityKinds = /Task$|^CallActivity$|^SubProcess$|^EndEvent$|^IntermediateCatchEvent$/;

/** The timeline of every process instance of the case, oldest first. */
export async function buildCaseTimeline(
  client: CaseProcessClient,
  caseId: string,
): Promise<InstanceTimeline[]> {
  const instances = await client.instancesOfCase(caseId);
  return Promise.all(
    instances.map(async (instance) => {
      const [elements, tasks, xml] = await Promise.all([
        client.elementInstances(instance.processInstanceKey),
        client.userTasks(instance.processInstanceKey),
        client.xml(instance.processDefinitionKey),
      ]);
      const graph = await readModelGraph(xml);
      const due = new Map(
        tasks.filter((t) => t.state === 'CREATED').map((t) => [t.elementInstanceKey, t.dueDate]),
      );
      const step = (e: CaseElementInstance): TimelineStep => ({
        elementId: e.elementId,
        name: graph.get(e.elementId)?.name ?? e.elementName,
        type: e.type,
        state: e.state,
        startDate: e.startDate,
        endDate: e.endDate,
        dueDate: due.get(e.elementInstanceKey) ?? null,
        hasIncident: e.hasIncident,
      });
      const steps = elements.filter((e) => stepTypes.has(e.type)).map(step);
      const activeElements = elements.filter((e) => e.state === 'ACTIVE' && stepTypes.has(e.type));
      const timers: TimelineTimer[] = [];
      for (const e of activeElements) {
        const node = graph.get(e.elementId);
        const waiting = [
          ...(node?.timer ? [node] : []),
          ...(node?.boundaries ?? [])
            .map((id) => graph.get(id))
            .filter((b): b is ModelNode => Boolean(b?.timer)),
        ];
        for (const timer of waiting)
          timers.push({
            elementId: timer.id,
            name: timer.name,
            attachedTo: timer.id === e.elementId ? null : e.elementId,
            dueDate: await timerDue(timer, e.startDate, (name) =>
              client.variable(instance.processInstanceKey, name),
            ),
          });
      }
      return {
        processInstanceKey: instance.processInstanceKey,
        processDefinitionId: instance.processDefinitionId,
        name: instance.processDefinitionName,
        state: instance.state,
        startDate: instance.startDate,
        endDate: instance.endDate,
        done: steps.filter((s) => s.state !== 'ACTIVE'),
        active: steps.filter((s) => s.state === 'ACTIVE'),
        next: nextSteps(
          graph,
          activeElements.map((e) => e.elementId),
        ),
        timers,
      };
    }),
  );
}

/** The activities reachable from the active elements, looking through gateways and events. */
function nextSteps(graph: Map<string, ModelNode>, active: string[]): TimelineNext[] {
  const found = new Map<string, TimelineNext>();
  const seen = new Set<string>();
  const walk = (id: string, depth: number) => {
    for (const target of graph.get(id)?.next ?? []) {
      if (seen.has(target) || depth > 8) continue;
      seen.add(target);
      const node = graph.get(target);
      if (!node) continue;
      if (activityKinds.test(node.kind))
        found.set(node.id, { elementId: node.id, name: node.name, type: node.kind });
      else walk(target, depth + 1);
    }
  };
  for (const id of active) walk(id, 0);
  return [...found.values()];
}

/**
 * When a timer fires: a date as is; a duration (`P90D`, `PT1H`) after the step started; a FEEL
 * reference to a variable (`=periodDeadline`) by its value. Other FEEL expressions and cycles are
 * not evaluated here (null): the engine knows, the REST API does not say.
 */
async function timerDue(
  timer: ModelNode,
  startedAt: string,
  variable: (name: string) => Promise<unknown>,
): Promise<string | null> {
  const { duration, date } = timer.timer ?? {};
  const resolve = async (text: string | undefined) => {
    if (!text) return undefined;
    const reference = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text.trim());
    if (reference) {
      const value = await variable(reference[1]!);
      return typeof value === 'string' ? value : undefined;
    }
    return text.trim().startsWith('=') ? undefined : text.trim();
  };
  const at = await resolve(date);
  if (at) return Number.isNaN(Date.parse(at)) ? null : new Date(at).toISOString();
  const span = await resolve(duration);
  if (!span) return null;
  if (!Number.isNaN(Date.parse(span)) && !span.startsWith('P')) return new Date(span).toISOString();
  const ms = durationMs(span);
  return ms === null ? null : new Date(Date.parse(startedAt) + ms).toISOString();
}

/** An ISO 8601 duration of days, hours, minutes, seconds (and weeks) in milliseconds. */
export function durationMs(text: string): number | null {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text,
  );
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, m, s] = match;
  return (
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 * 3600 +
      Number(h ?? 0) * 3600 +
      Number(m ?? 0) * 60 +
      Number(s ?? 0)) *
    1000
  );
}
