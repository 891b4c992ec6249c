import { describe, expect, it } from 'vitest';
import { createFormValidator, formIds } from '../forms/form-schemas.js';
import { modelFacts } from './testing/model-facts.js';
import { parseAllModels } from './testing/read-model.js';

// The portal renders the form a user task names; a task whose form is missing or broken is a
// task nobody can complete.
const models = await parseAllModels();
const userTasks = models.flatMap((model) =>
  modelFacts(model.definitions).userTasks.map((task) => ({ file: model.file, ...task })),
);
const validator = createFormValidator();

describe('user task forms', () => {
  it('exist for every user task of every model', () => {
    const known = new Set(formIds());
    const missing = userTasks.filter((task) => !task.formId || !known.has(task.formId));
    expect(missing.map((task) => `${task.file} ${task.id}: ${task.formId}`)).toEqual([]);
  });

  it.each(userTasks.map((task) => [task.file, task.id, task.formId ?? ''] as const))(
    '%s %s: form %s compiles with ajv 2020',
    (_file, _id, formId) => {
      // when the portal compiles the task's form / then it is a valid schema
      expect(() => validator.compile(formId)).not.toThrow();
    },
  );
});
