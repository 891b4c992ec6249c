import type { ElementBehavior } from './element-behavior.js';
import { boundaryEvent } from './boundary-event.js';
import { callActivity } from './call-activity.js';
import { catchEvent } from './catch-event.js';
import { endEvent } from './end-event.js';
import { eventBasedGateway } from './event-based-gateway.js';
import { exclusiveGateway } from './exclusive-gateway.js';
import { inclusiveGateway } from './inclusive-gateway.js';
import { intermediateThrowEvent } from './intermediate-throw-event.js';
import { jobWorkerTask } from './job-worker-task.js';
import { multiInstanceBody } from './multi-instance-body.js';
import { parallelGateway } from './parallel-gateway.js';
import { passThrough } from './pass-through.js';
import { processBehavior } from './process.js';
import { scriptTask } from './script-task.js';
import { startEvent } from './start-event.js';
import { eventSubProcess, subProcess } from './sub-process.js';
import { userTask } from './user-task.js';

const BEHAVIORS: Record<string, ElementBehavior> = {
  PROCESS: processBehavior,
  START_EVENT: startEvent,
  END_EVENT: endEvent,
  INTERMEDIATE_CATCH_EVENT: catchEvent,
  INTERMEDIATE_THROW_EVENT: intermediateThrowEvent,
  BOUNDARY_EVENT: boundaryEvent,
  SERVICE_TASK: jobWorkerTask,
  SEND_TASK: jobWorkerTask,
  BUSINESS_RULE_TASK: jobWorkerTask,
  SCRIPT_TASK: scriptTask,
  RECEIVE_TASK: catchEvent,
  USER_TASK: userTask,
  MANUAL_TASK: passThrough,
  TASK: passThrough,
  EXCLUSIVE_GATEWAY: exclusiveGateway,
  PARALLEL_GATEWAY: parallelGateway,
  INCLUSIVE_GATEWAY: inclusiveGateway,
  EVENT_BASED_GATEWAY: eventBasedGateway,
  SUB_PROCESS: subProcess,
  EVENT_SUB_PROCESS: eventSubProcess,
  CALL_ACTIVITY: callActivity,
  MULTI_INSTANCE_BODY: multiInstanceBody,
};

/** The behaviour of an element type; an unknown type means a model the validation let through. */
export function behaviorOf(elementType: string): ElementBehavior {
  const behavior = BEHAVIORS[elementType];
  if (!behavior) throw new Error(`no behaviour for element type ${elementType}`);
  return behavior;
}
