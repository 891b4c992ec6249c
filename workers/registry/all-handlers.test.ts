/**
 * Every job type the models use has a worker: a model deployed with a job type no worker
 * serves would wait forever at that task.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JOB_SPECS, JOB_TYPES } from '../../domain/index.js';
import { ALL_HANDLERS } from './all-handlers.js';

const processes = fileURLToPath(new URL('../../processes/', import.meta.url));

function jobTypesInModels(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(processes).filter((name) => name.endsWith('.bpmn'))) {
    const xml = readFileSync(`${processes}${file}`, 'utf8');
    for (const match of xml.matchAll(/<zeebe:taskDefinition\b[^>]*\btype="([^"]+)"/g)) {
      found.set(match[1]!, [...(found.get(match[1]!) ?? []), file]);
    }
  }
  return found;
}

describe('the worker registry', () => {
  const served = new Set(ALL_HANDLERS.map((handler) => handler.jobType));

  it('serves every job type used in processes/*.bpmn', () => {
    const used = jobTypesInModels();
    expect(used.size).toBeGreaterThan(0);
    const unserved = [...used].filter(([type]) => !served.has(type as never));
    expect(unserved, 'job types without a worker (type, models)').toEqual([]);
  });

  it('serves every job type of the contract exactly once', () => {
    expect([...served].sort()).toEqual(Object.values(JOB_TYPES).sort());
    expect(ALL_HANDLERS).toHaveLength(served.size);
  });

  it('validates the required variables the contract names for each job type', () => {
    for (const handler of ALL_HANDLERS) {
      const result = handler.variables.safeParse({});
      const required = JOB_SPECS[handler.jobType].inputs;
      // an empty variable set passes only for job types that require nothing
      expect(result.success, handler.jobType).toBe(required.length === 0);
    }
  });
});
