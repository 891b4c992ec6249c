import type { EngineCommand } from './commands/engine-command.js';
import { deploy } from './commands/deploy.js';
import {
  activateJobs,
  completeJob,
  failJob,
  recurJob,
  throwError,
  timeOutJob,
  updateJobRetries,
  updateJobTimeout,
} from './commands/job-commands.js';
import { correlateMessage, expireMessage, publishMessage } from './commands/message-commands.js';
import { cancelInstance, createInstance } from './commands/process-instance-commands.js';
import { resolveIncident } from './commands/incident-commands.js';
import { triggerTimer } from './commands/timer-commands.js';
import { assignUserTask, completeUserTask } from './commands/user-task-commands.js';
import { setVariables } from './commands/variable-commands.js';
import { invalidArgument } from './engine-error.js';
import { drainSteps } from './lifecycle.js';
import { broadcastSignal } from './signals.js';
import type { ProcessingContext } from './processing-context.js';

/**
 * The core's entry: processes one command and all its follow-up lifecycle steps against the
 * context's state, returning the command's answer. Business refusals throw EngineError before
 * anything changes; a thrown plain Error means an impossible transition (a bug).
 */
export function processCommand(ctx: ProcessingContext, command: EngineCommand): unknown {
  const result = dispatch(ctx, command);
  drainSteps(ctx);
  return result;
}

function dispatch(ctx: ProcessingContext, command: EngineCommand): unknown {
  switch (command.type) {
    case 'DEPLOY':
      return deploy(ctx, command.resources);
    case 'CREATE_PROCESS_INSTANCE':
      return createInstance(ctx, command);
    case 'CANCEL_PROCESS_INSTANCE':
      return cancelInstance(ctx, command.processInstanceKey);
    case 'ACTIVATE_JOBS':
      return activateJobs(ctx, command);
    case 'COMPLETE_JOB':
      return completeJob(ctx, command);
    case 'FAIL_JOB':
      return failJob(ctx, command);
    case 'THROW_ERROR':
      return throwError(ctx, command);
    case 'UPDATE_JOB_RETRIES':
      return updateJobRetries(ctx, command);
    case 'UPDATE_JOB_TIMEOUT':
      return updateJobTimeout(ctx, command);
    case 'TIME_OUT_JOB':
      return timeOutJob(ctx, command);
    case 'RECUR_JOB':
      return recurJob(ctx, command);
    case 'PUBLISH_MESSAGE':
      return publishMessage(ctx, command);
    case 'CORRELATE_MESSAGE':
      return correlateMessage(ctx, command);
    case 'EXPIRE_MESSAGE':
      return expireMessage(ctx, command.messageKey);
    case 'TRIGGER_TIMER':
      return triggerTimer(ctx, command.timerKey);
    case 'SET_VARIABLES':
      return setVariables(ctx, command);
    case 'BROADCAST_SIGNAL':
      if (!command.signalName)
        throw invalidArgument('Expected a signal name to broadcast, but it was empty');
      return broadcastSignal(ctx, command.signalName, command.variables);
    case 'RESOLVE_INCIDENT':
      return resolveIncident(ctx, command.incidentKey);
    case 'ASSIGN_USER_TASK':
      return assignUserTask(ctx, command);
    case 'COMPLETE_USER_TASK':
      return completeUserTask(ctx, command);
  }
}
