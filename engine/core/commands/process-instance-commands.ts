import { failedPrecondition, invalidArgument, notFound } from '../engine-error.js';
import { terminate } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { createProcessInstance } from '../process-instances.js';
import type { EngineCommand } from './engine-command.js';

/** What CreateProcessInstance answers. */
export interface CreatedInstance {
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
}

/** Starts an instance of a definition chosen by key, or by id (latest or a given version). */
export function createInstance(
  ctx: ProcessingContext,
  command: Extract<EngineCommand, { type: 'CREATE_PROCESS_INSTANCE' }>,
): CreatedInstance {
  const definitions = ctx.state.definitions;
  let definition;
  if (command.processDefinitionKey !== undefined && command.processDefinitionKey > 0) {
    definition = definitions.get(command.processDefinitionKey);
    if (!definition)
      throw notFound(
        `Expected to find process definition with key '${command.processDefinitionKey}', but none found`,
      );
  } else {
    if (!command.bpmnProcessId)
      throw invalidArgument(
        'Expected either a bpmnProcessId or a processDefinitionKey, but none given',
      );
    const version = command.version ?? -1;
    definition =
      version > 0
        ? definitions.byVersion(command.bpmnProcessId, version)
        : definitions.latest(command.bpmnProcessId);
    if (!definition) {
      throw notFound(
        version > 0
          ? `Expected to find process definition with process ID '${command.bpmnProcessId}' and version '${version}', but none found`
          : `Expected to find process definition with process ID '${command.bpmnProcessId}', but none found`,
      );
    }
  }
  const process = ctx.processOf({ processDefinitionKey: definition.key });
  const startAt = command.startElementIds ?? [];
  for (const id of startAt) {
    const element = process.elements.get(id);
    // Elements directly in the process only: Zeebe also activates enclosing subprocesses,
    // which this engine does not do yet.
    const startable =
      element !== undefined &&
      element.flowScopeId === process.bpmnProcessId &&
      element.type !== 'BOUNDARY_EVENT' &&
      element.type !== 'EVENT_SUB_PROCESS';
    if (!startable) {
      throw invalidArgument(
        `Expected to start process '${definition.bpmnProcessId}' at element '${id}', but it is not an element of the process scope that can be started`,
      );
    }
  }
  if (startAt.length === 0 && !process.root.noneStartEventId) {
    throw invalidArgument(
      `Expected to create an instance of process '${definition.bpmnProcessId}' with a none start event, but it has none`,
    );
  }
  if (
    command.variables === null ||
    typeof command.variables !== 'object' ||
    Array.isArray(command.variables)
  ) {
    throw invalidArgument('Expected the variables to be a JSON object document');
  }
  const root = createProcessInstance(ctx, definition, command.variables, { startAt });
  const created = {
    processInstanceKey: root.key,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
  };
  ctx.write('PROCESS_INSTANCE_CREATION', 'CREATED', root.key, {
    ...created,
    variables: command.variables,
    tenantId: '<default>',
  });
  return created;
}

/** Cancels a root process instance: everything in it, child instances and jobs included, is terminated. */
export function cancelInstance(ctx: ProcessingContext, processInstanceKey: number): void {
  const root = ctx.state.elementInstances.get(processInstanceKey);
  if (
    !root ||
    root.elementType !== 'PROCESS' ||
    root.state === 'ELEMENT_COMPLETED' ||
    root.state === 'ELEMENT_TERMINATED'
  ) {
    throw notFound(
      `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
    );
  }
  if (root.calledKey !== null) {
    throw failedPrecondition(
      `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${ctx.state.processInstances.get(processInstanceKey)?.parentProcessInstanceKey ?? ''}' instead.`,
    );
  }
  if (root.state === 'ELEMENT_TERMINATING') return;
  terminate(ctx, root);
}
