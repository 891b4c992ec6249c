import { invalidArgument, notFound } from '../engine-error.js';
import type { ProcessingContext } from '../processing-context.js';
import { propagateDocument, setLocalDocument } from '../variables.js';
import type { EngineCommand } from './engine-command.js';

/** SetVariables: local to the given scope, or propagated outwards (Zeebe's merge). */
export function setVariables(
  ctx: ProcessingContext,
  command: Extract<EngineCommand, { type: 'SET_VARIABLES' }>,
): { key: number } {
  const scope = ctx.state.elementInstances.get(command.elementInstanceKey);
  if (!scope || scope.state === 'ELEMENT_COMPLETED' || scope.state === 'ELEMENT_TERMINATED') {
    throw notFound(
      `Expected to update variables for element with key '${command.elementInstanceKey}', but no such element was found`,
    );
  }
  if (
    command.variables === null ||
    typeof command.variables !== 'object' ||
    Array.isArray(command.variables)
  ) {
    throw invalidArgument('Expected the variables to be a JSON object document');
  }
  if (command.local) setLocalDocument(ctx, scope, command.variables);
  else propagateDocument(ctx, scope.key, command.variables);
  const key = ctx.nextKey();
  ctx.write('VARIABLE_DOCUMENT', 'UPDATED', key, {
    scopeKey: scope.key,
    updateSemantics: command.local ? 'LOCAL' : 'PROPAGATE',
    variables: command.variables,
    tenantId: '<default>',
  });
  return { key };
}
