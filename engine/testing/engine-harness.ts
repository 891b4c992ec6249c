import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ControlledClock, Engine } from '../index.js';

/**
 * Scenario support for engine tests: an in-memory engine on a controlled clock, fixtures by
 * file, and readers for what a test asserts (the path taken, variables, jobs, incidents).
 */
export interface Harness {
  engine: Engine;
  clock: ControlledClock;
  /** Deploys fixture files (paths relative to the caller's folder via `new URL(..., import.meta.url)`). */
  deploy(...files: URL[]): Promise<void>;
  /** Element ids of a process instance that reached the given state, in order of their start. */
  elements(processInstanceKey: string, state?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED'): string[];
  /** The process instance's root-scope variables. */
  variables(processInstanceKey: string): Record<string, unknown>;
  /** State of a process instance. */
  instanceState(processInstanceKey: string): string;
  /** Active incidents of a process instance. */
  incidents(processInstanceKey: string): ReturnType<Engine['search']['incidents']>['items'];
  /** Moves the clock and waits until everything due has been processed. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens an engine for one test. */
export async function openHarness(file = ':memory:'): Promise<Harness> {
  const clock = new ControlledClock(Date.UTC(2026, 0, 1, 8, 0, 0));
  const engine = await Engine.open({ file, clock, durability: 'normal' });
  engine.start();
  return harnessOf(engine, clock);
}

/** Wraps an open engine. */
export function harnessOf(engine: Engine, clock: ControlledClock): Harness {
  return {
    engine,
    clock,
    async deploy(...files) {
      await engine.deployResources(
        files.map((url) => ({ name: basename(url.pathname), content: readFileSync(url, 'utf8') })),
      );
    },
    elements(processInstanceKey, state) {
      return engine.search
        .elementInstances({
          filter: { processInstanceKey, ...(state ? { state } : {}) },
          sort: [{ field: 'elementInstanceKey' }],
          page: { limit: 1000 },
        })
        .items.map((item) => item.elementId);
    },
    variables(processInstanceKey) {
      const items = engine.search.variables({
        filter: { scopeKey: processInstanceKey },
        page: { limit: 1000 },
      }).items;
      return Object.fromEntries(items.map((item) => [item.name, JSON.parse(item.value)]));
    },
    instanceState(processInstanceKey) {
      return engine.getProcessInstance(processInstanceKey).state;
    },
    incidents(processInstanceKey) {
      return engine.search.incidents({ filter: { processInstanceKey, state: 'ACTIVE' } }).items;
    },
    async advance(ms) {
      clock.advance(ms);
      await engine.settle();
    },
    close: () => engine.close(),
  };
}
