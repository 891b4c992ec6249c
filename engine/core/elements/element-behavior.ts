import type { ExecutableElement } from '../../model/executable-model.js';
import type { ElementInstanceRow } from '../engine-state.js';
import type { LifecycleStep, ProcessingContext } from '../processing-context.js';

/** The activation step that created an instance (payload of a triggered event, loop data). */
export type ActivationStep = Extract<LifecycleStep, { kind: 'activate' }>;

/**
 * What one element kind does at the points of the shared lifecycle (see lifecycle.ts).
 * Only `onActivate` is required: it runs after ELEMENT_ACTIVATING and the input mappings, and
 * either waits (job, user task, message), completes the element, or raises an incident.
 */
export interface ElementBehavior {
  onActivate(
    ctx: ProcessingContext,
    instance: ElementInstanceRow,
    element: ExecutableElement,
    step: ActivationStep,
  ): void;
  /** Before output mappings on completion; return false after raising an incident. */
  onCompleting?(
    ctx: ProcessingContext,
    instance: ElementInstanceRow,
    element: ExecutableElement,
  ): boolean;
  /** After ELEMENT_COMPLETED; the default takes every outgoing sequence flow. */
  onCompleted?(
    ctx: ProcessingContext,
    instance: ElementInstanceRow,
    element: ExecutableElement,
  ): void;
  /** On ELEMENT_TERMINATING: release what the element holds (job, user task, child instance). */
  onTerminate?(
    ctx: ProcessingContext,
    instance: ElementInstanceRow,
    element: ExecutableElement,
  ): void;
  /** A child of this scope completed or terminated (tokens already decremented). */
  onChildFinished?(
    ctx: ProcessingContext,
    scope: ElementInstanceRow,
    child: ElementInstanceRow,
  ): void;
}
