import type { ExecutableElement, ExecutableProcess } from '../model/executable-model.js';
import { elementOf } from '../model/executable-model.js';
import type {
  EvaluationEnvironment,
  ExpressionLanguage,
} from './expression/expression-language.js';
import type { ElementInstanceRow, EngineState } from './engine-state.js';
import type { EngineRecord, ValueType } from './records.js';
import type { TimeLanguage } from './time/time-language.js';
import type { ElementBehavior } from './elements/element-behavior.js';

/** Finds the behaviour of an element type (injected so behaviours and lifecycle stay acyclic). */
export type BehaviorRegistry = (elementType: string) => ElementBehavior;

/** Issues unique, increasing keys (persisted by the store). */
export interface KeyGenerator {
  next(): number;
}

/** A follow-up step of the element lifecycle, processed in the same transaction. */
export type LifecycleStep =
  | {
      kind: 'activate';
      flowScopeKey: number;
      elementId: string;
      /** The sequence flow that led here (joins count arrivals per flow). */
      flowId?: string;
      /** Variables to set locally on the new instance (event payloads, multi-instance items). */
      variables?: Record<string, unknown> | null;
      /** A pre-assigned key (process instances and event subprocess starts). */
      key?: number;
      /** Marks an inner instance of a multi-instance body. */
      inner?: boolean;
      loopCounter?: number;
      /** Process only: start at these elements instead of a start event (start instructions). */
      startAt?: readonly string[];
      /** The event already happened (event-based gateway): the catch event completes at once. */
      triggered?: boolean;
    }
  | { kind: 'complete'; key: number }
  | { kind: 'terminate'; key: number };

/**
 * Everything a processor may use: the state, the command's time, keys, the expression and
 * time languages, the record writer and the follow-up queue. Nothing else is reachable from
 * the core, which is what keeps it deterministic.
 */
export class ProcessingContext {
  readonly steps: LifecycleStep[] = [];
  readonly written: EngineRecord[] = [];
  readonly env: EvaluationEnvironment;
  private seed: number;

  constructor(
    readonly state: EngineState,
    readonly now: number,
    private readonly keys: KeyGenerator,
    readonly feel: ExpressionLanguage,
    readonly time: TimeLanguage,
    readonly behaviorOf: BehaviorRegistry,
    /** Correlates buffered messages to the subscriptions an instance just opened. */
    readonly correlateBuffered: (ctx: ProcessingContext, instance: ElementInstanceRow) => void,
  ) {
    this.seed = now % 2147483647 || 1;
    // A seeded generator (mulberry32) so `uuid()`-like functions replay identically.
    this.env = {
      now,
      random: () => {
        this.seed = (this.seed + 0x6d2b79f5) | 0;
        let t = this.seed;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      },
    };
  }

  /** A fresh key. */
  nextKey(): number {
    return this.keys.next();
  }

  /** Appends an EVENT record. */
  write(
    valueType: ValueType,
    intent: string,
    key: number,
    value: Record<string, unknown>,
  ): EngineRecord {
    const record = this.state.append({
      key,
      recordType: 'EVENT',
      valueType,
      intent,
      timestamp: this.now,
      value,
    });
    this.written.push(record);
    return record;
  }

  /** Queues a lifecycle step. */
  enqueue(step: LifecycleStep): void {
    this.steps.push(step);
  }

  /** Reads an element instance that must exist. */
  instance(key: number): ElementInstanceRow {
    const row = this.state.elementInstances.get(key);
    if (!row) throw new Error(`element instance ${key} does not exist`);
    return row;
  }

  /** The executable model of an instance's process. */
  processOf(instance: { processDefinitionKey: number }): ExecutableProcess {
    return this.state.definitions.process(instance.processDefinitionKey);
  }

  /** The model element of an instance. */
  elementOf(instance: { processDefinitionKey: number; elementId: string }): ExecutableElement {
    return elementOf(this.processOf(instance), instance.elementId);
  }
}

/** The PROCESS_INSTANCE record value of an element instance (Zeebe's ProcessInstanceRecord). */
export function processInstanceValue(
  instance: ElementInstanceRow,
  parent?: { process: number | null; element: number | null },
) {
  return {
    bpmnProcessId: instance.bpmnProcessId,
    version: instance.version,
    processDefinitionKey: instance.processDefinitionKey,
    processInstanceKey: instance.processInstanceKey,
    elementId: instance.elementId,
    flowScopeKey: instance.flowScopeKey ?? -1,
    bpmnElementType: instance.elementType,
    bpmnEventType: instance.eventType,
    parentProcessInstanceKey: parent?.process ?? -1,
    parentElementInstanceKey: parent?.element ?? -1,
    tenantId: '<default>',
  };
}
