import type { TimerRow } from '../engine-state.js';
import { createTimer, timerValue } from '../event-subscriptions.js';
import { triggerEvent } from '../event-triggers.js';
import type { ProcessingContext } from '../processing-context.js';
import { createProcessInstance } from '../process-instances.js';

/**
 * A timer is due: TIMER TRIGGERED, then the waiting element reacts (see event-triggers.ts) or,
 * for a timer start event, a new process instance starts. Cycles (`R3/PT10M`) schedule their
 * next firing when they stay relevant: timer start events and non-interrupting boundary and
 * event subprocess timers.
 */
export function triggerTimer(ctx: ProcessingContext, timerKey: number): void {
  const timer = ctx.state.timers.get(timerKey);
  if (!timer || timer.dueDate > ctx.now) return;
  ctx.state.timers.delete(timer.key);
  ctx.write('TIMER', 'TRIGGERED', timer.key, timerValue(timer));
  if (timer.elementInstanceKey === -1) {
    const definition = ctx.state.definitions.get(timer.processDefinitionKey);
    if (definition)
      createProcessInstance(ctx, definition, {}, { startElementId: timer.targetElementId });
    repeat(ctx, timer);
    return;
  }
  const waiting = ctx.state.elementInstances.get(timer.elementInstanceKey);
  if (!waiting) return;
  const repeats =
    timer.kind === 'timeCycle' &&
    !timer.interrupting &&
    waiting.elementId !== timer.targetElementId;
  if (triggerEvent(ctx, waiting, timer.targetElementId, null) && repeats) repeat(ctx, timer);
}

function repeat(ctx: ProcessingContext, timer: TimerRow): void {
  if (timer.kind !== 'timeCycle') return;
  const next = ctx.time.nextFiring(timer.definition, timer.dueDate, timer.repetitions);
  if (!next) return;
  createTimer(ctx, {
    ...timer,
    key: ctx.nextKey(),
    dueDate: next.dueDate,
    repetitions: next.repetitions,
  });
}
