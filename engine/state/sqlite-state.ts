import type Database from 'better-sqlite3';
import type { ExecutableProcess } from '../model/executable-model.js';
import type {
  ElementInstanceRow,
  EngineState,
  IncidentRow,
  JobRow,
  JoinTokenRow,
  MessageRow,
  MessageSubscriptionRow,
  ProcessDefinitionRow,
  ProcessInstanceRow,
  SignalSubscriptionRow,
  StartSubscriptionRow,
  TimerRow,
  UserTaskRow,
  VariableRow,
} from '../core/engine-state.js';
import type { EngineRecord, RecordDraft } from '../core/records.js';
import { TABLES } from './schema.js';
import { MappedTable } from './table-spec.js';
import { WriteBackCache } from './write-back-cache.js';

/** Positions and keys, issued from counters persisted with every transaction. */
export interface Counters {
  nextPosition: number;
  nextKey: number;
}

/**
 * EngineState over better-sqlite3: every accessor is a prepared statement. Executable models
 * are cached in memory (they are immutable and re-parsed from the stored XML at start-up).
 */
export class SqliteState implements EngineState {
  readonly definitions;
  readonly elementInstances;
  readonly processInstances;
  readonly variables;
  readonly jobs;
  readonly incidents;
  readonly messageSubscriptions;
  readonly messages;
  readonly startSubscriptions;
  readonly timers;
  readonly userTasks;
  readonly joins;
  readonly signalSubscriptions;
  private readonly insertRecord: Database.Statement;
  private readonly caches: WriteBackCache<{ key: number }>[] = [];

  constructor(
    db: Database.Database,
    private readonly counters: Counters,
  ) {
    const processes = new Map<number, ExecutableProcess>();
    const resources = new MappedTable<{ key: number; xml: string }>(db, TABLES.resources);
    const definitionTable = new MappedTable<ProcessDefinitionRow>(db, TABLES.processDefinitions);
    const latest = db.prepare(
      'SELECT * FROM process_definitions WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1',
    );
    const byVersion = db.prepare(
      'SELECT * FROM process_definitions WHERE bpmn_process_id = ? AND version = ?',
    );
    this.definitions = {
      get: (key: number) => definitionTable.get(key),
      put: (row: ProcessDefinitionRow) => definitionTable.put(row),
      delete: (key: number) => definitionTable.delete(key),
      latest: (id: string) => definitionTable.all(latest, id)[0],
      byVersion: (id: string, version: number) => definitionTable.all(byVersion, id, version)[0],
      process(key: number): ExecutableProcess {
        const process = processes.get(key);
        if (!process) throw new Error(`process definition ${key} is not loaded`);
        return process;
      },
      cacheProcess: (key: number, process: ExecutableProcess) => void processes.set(key, process),
      storeXml: (key: number, xml: string) => resources.put({ key, xml }),
    };

    const elements = new MappedTable<ElementInstanceRow>(db, TABLES.elementInstances);
    const elementCache = this.cached(elements);
    const activeChildren = db.prepare(
      "SELECT * FROM element_instances WHERE flow_scope_key = ? AND state NOT IN ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED') ORDER BY key",
    );
    this.elementInstances = {
      ...tableOf(elementCache),
      activeChildren: (scopeKey: number) => {
        elementCache.flush();
        return elements
          .all(activeChildren, scopeKey)
          .map((row) => elementCache.get(row.key) ?? row);
      },
    };

    const instanceCache = this.cached(
      new MappedTable<ProcessInstanceRow>(db, TABLES.processInstances),
    );
    this.processInstances = tableOf(instanceCache);

    const variables = new MappedTable<VariableRow>(db, TABLES.variables);
    const ofScope = db.prepare('SELECT * FROM variables WHERE scope_key = ? ORDER BY key');
    this.variables = {
      get: (scopeKey: number, name: string) => variables.get(scopeKey, name),
      put: (row: VariableRow) => variables.put(row),
      ofScope: (scopeKey: number) => variables.all(ofScope, scopeKey),
    };

    const jobs = new MappedTable<JobRow>(db, TABLES.jobs);
    const activatable = db.prepare(
      "SELECT * FROM jobs WHERE type = ? AND state = 'ACTIVATABLE' ORDER BY key LIMIT ?",
    );
    const jobCache = this.cached(jobs);
    this.jobs = {
      ...tableOf(jobCache),
      activatable: (type: string, limit: number) => {
        jobCache.flush();
        return jobs.all(activatable, type, limit);
      },
    };

    const incidents = new MappedTable<IncidentRow>(db, TABLES.incidents);
    const activeOf = db.prepare(
      "SELECT * FROM incidents WHERE element_instance_key = ? AND state = 'ACTIVE'",
    );
    this.incidents = {
      ...tableOf(incidents),
      activeOf: (key: number) => incidents.all(activeOf, key),
    };

    const subscriptions = new MappedTable<MessageSubscriptionRow>(db, TABLES.messageSubscriptions);
    const matching = db.prepare(
      'SELECT * FROM message_subscriptions WHERE message_name = ? AND correlation_key = ? ORDER BY key',
    );
    const ofElement = db.prepare(
      'SELECT * FROM message_subscriptions WHERE element_instance_key = ?',
    );
    this.messageSubscriptions = {
      ...tableOf(subscriptions),
      matching: (name: string, correlationKey: string) =>
        subscriptions.all(matching, name, correlationKey),
      ofElement: (key: number) => subscriptions.all(ofElement, key),
    };

    const messages = new MappedTable<MessageRow>(db, TABLES.messages);
    const correlations = new MappedTable<{
      messageKey: number;
      bpmnProcessId: string;
      processInstanceKey: number;
    }>(db, TABLES.messageCorrelations);
    const started = new MappedTable<{
      processInstanceKey: number;
      bpmnProcessId: string;
      correlationKey: string;
    }>(db, TABLES.messageStartedInstances);
    const byMessageId = db.prepare('SELECT * FROM messages WHERE name = ? AND message_id = ?');
    const messagesMatching = db.prepare(
      'SELECT * FROM messages WHERE name = ? AND correlation_key = ? ORDER BY key',
    );
    const activeStarted = db.prepare(
      "SELECT 1 FROM message_started_instances m JOIN process_instances p ON p.key = m.process_instance_key WHERE m.bpmn_process_id = ? AND m.correlation_key = ? AND p.state = 'ACTIVE' LIMIT 1",
    );
    const deleteCorrelations = db.prepare('DELETE FROM message_correlations WHERE message_key = ?');
    this.messages = {
      get: (key: number) => messages.get(key),
      put: (row: MessageRow) => messages.put(row),
      delete: (key: number) => {
        messages.delete(key);
        deleteCorrelations.run(key);
      },
      byMessageId: (name: string, id: string) => messages.all(byMessageId, name, id)[0],
      matching: (name: string, correlationKey: string) =>
        messages.all(messagesMatching, name, correlationKey),
      markCorrelated: (messageKey: number, bpmnProcessId: string, processInstanceKey: number) =>
        correlations.put({ messageKey, bpmnProcessId, processInstanceKey }),
      wasCorrelated: (messageKey: number, bpmnProcessId: string) =>
        correlations.get(messageKey, bpmnProcessId) !== undefined,
      markStartedBy: (bpmnProcessId: string, correlationKey: string, processInstanceKey: number) =>
        started.put({ processInstanceKey, bpmnProcessId, correlationKey }),
      startedBy: (processInstanceKey: number) => started.get(processInstanceKey)?.correlationKey,
      activeInstanceFor: (bpmnProcessId: string, correlationKey: string) => {
        instanceCache.flush();
        return activeStarted.get(bpmnProcessId, correlationKey) !== undefined;
      },
    };

    const starts = new MappedTable<StartSubscriptionRow>(db, TABLES.startSubscriptions);
    const byName = db.prepare(
      'SELECT * FROM message_start_subscriptions WHERE message_name = ? ORDER BY key',
    );
    const ofProcess = db.prepare(
      'SELECT * FROM message_start_subscriptions WHERE bpmn_process_id = ?',
    );
    this.startSubscriptions = {
      ...tableOf(starts),
      byMessageName: (name: string) => starts.all(byName, name),
      ofProcess: (id: string) => starts.all(ofProcess, id),
    };

    const timers = new MappedTable<TimerRow>(db, TABLES.timers);
    const timersOf = db.prepare('SELECT * FROM timers WHERE element_instance_key = ?');
    const startTimers = db.prepare(
      'SELECT * FROM timers WHERE bpmn_process_id = ? AND element_instance_key = -1',
    );
    this.timers = {
      ...tableOf(timers),
      ofElement: (key: number) => timers.all(timersOf, key),
      startTimersOf: (id: string) => timers.all(startTimers, id),
    };

    this.userTasks = tableOf(new MappedTable<UserTaskRow>(db, TABLES.userTasks));

    const signals = new MappedTable<SignalSubscriptionRow>(db, TABLES.signalSubscriptions);
    const signalsByName = db.prepare(
      'SELECT * FROM signal_subscriptions WHERE signal_name = ? ORDER BY key',
    );
    const signalsOf = db.prepare(
      'SELECT * FROM signal_subscriptions WHERE element_instance_key = ?',
    );
    const signalStarts = db.prepare(
      'SELECT * FROM signal_subscriptions WHERE bpmn_process_id = ? AND element_instance_key = -1',
    );
    this.signalSubscriptions = {
      ...tableOf(signals),
      byName: (name: string) => signals.all(signalsByName, name),
      ofElement: (key: number) => signals.all(signalsOf, key),
      startEventsOf: (id: string) => signals.all(signalStarts, id),
    };

    const joins = new MappedTable<JoinTokenRow>(db, TABLES.joins);
    const arrivals = db.prepare('SELECT * FROM join_tokens WHERE scope_key = ? AND gateway_id = ?');
    const countScope = db.prepare(
      'SELECT COALESCE(SUM(count), 0) AS n FROM join_tokens WHERE scope_key = ?',
    );
    const clearScope = db.prepare('DELETE FROM join_tokens WHERE scope_key = ?');
    this.joins = {
      arrivals: (scopeKey: number, gatewayId: string) => joins.all(arrivals, scopeKey, gatewayId),
      put: (row: JoinTokenRow) =>
        row.count > 0 ? joins.put(row) : joins.delete(row.scopeKey, row.gatewayId, row.flowId),
      clearScope(scopeKey: number): number {
        const { n } = countScope.get(scopeKey) as { n: number };
        clearScope.run(scopeKey);
        return n;
      },
    };

    this.insertRecord = db.prepare(
      'INSERT INTO records (position, key, record_type, value_type, intent, timestamp, value, rejection_type, rejection_reason, process_instance_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Writes what the caches hold; called when a command succeeded. */
  flush(): void {
    for (const cache of this.caches) cache.flushAndClear();
  }

  /** Forgets what the caches hold; called when a command was rolled back. */
  discard(): void {
    for (const cache of this.caches) cache.discard();
  }

  private cached<Row extends { key: number }>(table: MappedTable<Row>): WriteBackCache<Row> {
    const cache = new WriteBackCache<Row>(table, (row) => row.key);
    this.caches.push(cache as unknown as WriteBackCache<{ key: number }>);
    return cache;
  }

  append(draft: RecordDraft): EngineRecord {
    const record: EngineRecord = { position: this.counters.nextPosition++, ...draft };
    const pi = record.value.processInstanceKey;
    this.insertRecord.run(
      record.position,
      record.key,
      record.recordType,
      record.valueType,
      record.intent,
      record.timestamp,
      JSON.stringify(record.value),
      record.rejectionType ?? null,
      record.rejectionReason ?? null,
      typeof pi === 'number' ? pi : null,
    );
    return record;
  }
}

function tableOf<Row extends { key: number }>(table: {
  get(key: number): Row | undefined;
  put(row: Row): void;
  delete(key: number): void;
}) {
  return {
    get: (key: number) => table.get(key),
    put: (row: Row) => table.put(row),
    delete: (key: number) => table.delete(key),
  };
}
