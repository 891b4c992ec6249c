import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../index.js';
import { narrowByProcessVariables } from './process-variable-prefilter.js';

let engine: Engine;
const keys: Record<string, string> = {};
beforeEach(async () => {
  // given three reviews: two of case-a (a reopened case), one of case-b
  engine = await Engine.open({ file: ':memory:' });
  engine.start();
  const xml = readFileSync(new URL('./fixtures/review-application.bpmn', import.meta.url), 'utf8');
  await engine.deployResources([{ name: 'review-application.bpmn', content: xml }]);
  for (const [name, caseId] of [
    ['a1', 'case-a'],
    ['a2', 'case-a'],
    ['b1', 'case-b'],
  ] as const) {
    const created = await engine.createProcessInstance({
      bpmnProcessId: 'review-application',
      variables: { caseId, dueDate: '2026-03-01T12:00:00Z' },
    });
    keys[name] = created.processInstanceKey;
  }
});
afterEach(async () => {
  await engine.close();
});

const tasksOf = (filter: Record<string, unknown> | undefined) =>
  filter
    ? engine.search
        .userTasks({ filter })
        .items.map((t) => t.processInstanceKey)
        .sort()
    : [];

describe('narrowing a user task search by process-instance variables', () => {
  it.each([
    ['a case with two instances', [{ name: 'caseId', value: '"case-a"' }], undefined, ['a1', 'a2']],
    ['a bare word taken as a string', [{ name: 'caseId', value: 'case-b' }], undefined, ['b1']],
    ['a case and an instance key', [{ name: 'caseId', value: '"case-a"' }], 'a2', ['a2']],
    ['a case and another case’s instance', [{ name: 'caseId', value: '"case-a"' }], 'b1', []],
    ['an unknown case', [{ name: 'caseId', value: '"case-z"' }], undefined, []],
  ])('finds the tasks of %s', (_case, processInstanceVariables, instance, expected) => {
    // when
    const filter = narrowByProcessVariables(engine, {
      processInstanceVariables,
      ...(instance ? { processInstanceKey: keys[instance] } : {}),
    });
    // then
    expect(tasksOf(filter)).toEqual(expected.map((name) => keys[name]).sort());
  });

  it('leaves the filter to the engine when more instances match than the limit', () => {
    // given
    const request = { processInstanceVariables: [{ name: 'caseId', value: '"case-a"' }] };
    // when
    const filter = narrowByProcessVariables(engine, request, 1);
    // then
    expect(filter).toBe(request);
    expect(tasksOf(filter)).toEqual([keys.a1, keys.a2].sort());
  });
});
