import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import templateSchema from '@camunda/zeebe-element-templates-json-schema/resources/schema.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { modelFacts } from '../testing/model-facts.js';
import { parseAllModels } from '../testing/read-model.js';
import {
  CASE_STATUSES,
  JOB_SPECS,
  JOB_TYPES,
  NOTIFY_TEMPLATES,
  PERIOD_STATUSES,
  isJobType,
} from '../../domain/contract.js';

interface TemplateProperty {
  type: string;
  value?: string;
  choices?: { name: string; value: string }[];
  binding: { type: string; property?: string; key?: string };
}
interface ElementTemplate {
  id: string;
  $schema: string;
  name: string;
  engines: { camunda: string };
  properties: TemplateProperty[];
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const templates = files.map(
  (file) => [file, JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as ElementTemplate] as const,
);

// Camunda's published JSON Schema for element templates (draft-07); it uses annotation keywords
// of its own, so strict mode is off for it.
const ajv = new Ajv({ allErrors: true, strict: false });
(ajvFormats as unknown as { default: (a: Ajv) => void }).default(ajv);
const validateTemplate: ValidateFunction = ajv.compile(templateSchema);

const jobTypeOf = (template: ElementTemplate): string | undefined =>
  template.properties.find(
    (property) =>
      property.binding.type === 'zeebe:taskDefinition' && property.binding.property === 'type',
  )?.value;
const headerChoices = (template: ElementTemplate, key: string): string[] | undefined =>
  template.properties
    .find(
      (property) => property.binding.type === 'zeebe:taskHeader' && property.binding.key === key,
    )
    ?.choices?.map((choice) => choice.value);

describe('element templates', () => {
  it('exist for every job type of the contract, one each', () => {
    // given the templates / then a process owner finds one per job type
    expect(templates.map(([, template]) => jobTypeOf(template)).sort()).toEqual(
      Object.values(JOB_TYPES).sort(),
    );
  });

  describe.each(templates)('%s', (file, template) => {
    it("validates against Camunda's element template JSON Schema", () => {
      const valid = validateTemplate(template);
      expect(validateTemplate.errors ?? [], file).toEqual([]);
      expect(valid).toBe(true);
    });

    it('targets Camunda 8.8 and hides the job type from the process owner', () => {
      expect(template.$schema).toBe(
        'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
      );
      expect(template.engines).toEqual({ camunda: '^8.8' });
      const jobType = template.properties.find((p) => p.binding.property === 'type');
      expect(jobType?.type).toBe('Hidden');
      expect(isJobType(jobType?.value)).toBe(true);
      expect(file).toBe(`${jobType?.value}.json`);
    });

    it('offers every header its worker requires, with retries editable', () => {
      const spec = JOB_SPECS[jobTypeOf(template) as keyof typeof JOB_SPECS];
      for (const header of spec.headers) expect(headerChoices(template, header)).toBeDefined();
      const retries = template.properties.find((p) => p.binding.property === 'retries');
      expect(retries?.type).toBe('String');
    });
  });

  it('lets the Benachrichtigung choose exactly the notify templates of the contract', () => {
    const notify = templates.find(([file]) => file === 'notify.json')?.[1];
    expect(notify && headerChoices(notify, 'template')).toEqual(Object.values(NOTIFY_TEMPLATES));
  });

  it.each([
    ['case-status.json', Object.values(CASE_STATUSES)],
    ['period-status.json', Object.values(PERIOD_STATUSES)],
  ])('lets %s choose exactly the statuses of the contract', (file, statuses) => {
    const template = templates.find(([name]) => name === file)?.[1];
    expect(template && headerChoices(template, 'status')).toEqual(statuses);
  });
});

describe("Camunda's template schema as used here", () => {
  it('rejects a template that binds a task header without a key', () => {
    // given a valid template whose header binding lost its key
    const broken = structuredClone(templates.find(([file]) => file === 'notify.json')![1]);
    delete broken.properties.find((p) => p.binding.type === 'zeebe:taskHeader')!.binding.key;
    // when validated / then the schema reports it
    expect(validateTemplate(broken)).toBe(false);
  });
});

describe('the models', () => {
  it('apply the element template of their job type to every service task', async () => {
    // given every service task of every model
    const jobs = (await parseAllModels()).flatMap((model) => modelFacts(model.definitions).jobs);
    // then the modeler shows it with the template's labels
    const ids = new Map(templates.map(([, template]) => [jobTypeOf(template), template]));
    for (const job of jobs) {
      expect(job.template, job.id).toBe(ids.get(job.type)?.id);
    }
  });
});
