import type { ProcessDefinitionRow } from '../engine-state.js';
import type { ProcessingContext } from '../processing-context.js';
import type { ParsedResource } from '../../model/parse-resource.js';
import { elementOf } from '../../model/executable-model.js';
import { createTimer, timerValue } from '../event-subscriptions.js';
import { replaceSignalStartEvents } from '../signals.js';

/** A deployed process as the DeployResource answer lists it. */
export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  resourceName: string;
  /** True when this exact content was deployed before (no new version). */
  duplicate: boolean;
}

/**
 * Deploys parsed resources: a process whose content matches the latest version's checksum
 * keeps that version; new content becomes the next version, replaces the message and timer
 * start events of the previous version, and is announced with PROCESS CREATED.
 */
export function deploy(
  ctx: ProcessingContext,
  resources: readonly ParsedResource[],
): { key: number; processes: DeployedProcess[] } {
  const deploymentKey = ctx.nextKey();
  const processes: DeployedProcess[] = [];
  for (const resource of resources) {
    for (const { process, checksum } of resource.processes) {
      const latest = ctx.state.definitions.latest(process.bpmnProcessId);
      if (latest && latest.checksum === checksum) {
        processes.push({ ...describe(latest), duplicate: true });
        continue;
      }
      const definition: ProcessDefinitionRow = {
        key: ctx.nextKey(),
        bpmnProcessId: process.bpmnProcessId,
        version: (latest?.version ?? 0) + 1,
        name: process.name ?? null,
        resourceName: resource.name,
        checksum,
        deploymentKey,
        deployedAt: ctx.now,
      };
      ctx.state.definitions.put(definition);
      ctx.state.definitions.storeXml(definition.key, resource.xml);
      ctx.state.definitions.cacheProcess(definition.key, process);
      ctx.write('PROCESS', 'CREATED', definition.key, {
        ...describe(definition),
        checksum,
        tenantId: '<default>',
      });
      replaceStartEvents(ctx, definition);
      replaceSignalStartEvents(ctx, definition);
      processes.push({ ...describe(definition), duplicate: false });
    }
  }
  ctx.write('DEPLOYMENT', 'CREATED', deploymentKey, {
    resources: resources.map((r) => ({ resourceName: r.name })),
    processesMetadata: processes,
    tenantId: '<default>',
  });
  return { key: deploymentKey, processes };
}

function describe(definition: ProcessDefinitionRow) {
  return {
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    processDefinitionKey: definition.key,
    resourceName: definition.resourceName,
  };
}

function replaceStartEvents(ctx: ProcessingContext, definition: ProcessDefinitionRow): void {
  const process = ctx.state.definitions.process(definition.key);
  for (const old of ctx.state.startSubscriptions.ofProcess(definition.bpmnProcessId)) {
    ctx.state.startSubscriptions.delete(old.key);
    ctx.write('MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', old.key, {
      ...old,
      tenantId: '<default>',
    });
  }
  for (const old of ctx.state.timers.startTimersOf(definition.bpmnProcessId)) {
    ctx.state.timers.delete(old.key);
    ctx.write('TIMER', 'CANCELED', old.key, timerValue(old));
  }
  for (const id of process.messageStartEventIds) {
    const name = elementOf(process, id).event?.messageName ?? '';
    const row = {
      key: ctx.nextKey(),
      messageName: name,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      startEventId: id,
    };
    ctx.state.startSubscriptions.put(row);
    ctx.write('MESSAGE_START_EVENT_SUBSCRIPTION', 'CREATED', row.key, {
      ...row,
      tenantId: '<default>',
    });
  }
  for (const id of process.timerStartEventIds) {
    const timer = elementOf(process, id).event?.timer;
    if (!timer) continue;
    const schedule = ctx.time.firstFiring(timer.kind, timer.expression, ctx.now);
    if (!schedule.ok) continue; // validated at parse time; expressions on start timers are not evaluated
    createTimer(ctx, {
      key: ctx.nextKey(),
      dueDate: schedule.schedule.dueDate,
      repetitions: schedule.schedule.repetitions,
      definition: timer.expression,
      kind: timer.kind,
      elementInstanceKey: -1,
      processInstanceKey: -1,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      targetElementId: id,
      interrupting: true,
    });
  }
}
