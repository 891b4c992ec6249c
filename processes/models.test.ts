import { describe, expect, it } from 'vitest';
import { diagramFacts, overlaps } from './testing/diagram-facts.js';
import { lintDefinitions } from './testing/lint-model.js';
import { modelFacts } from './testing/model-facts.js';
import { modelFiles, parseAllModels, type ModdleNode } from './testing/read-model.js';

// The models are read once; every check below is about what a process owner or the engine
// would notice when opening or deploying them.
const models = await parseAllModels();

const EXPECTED_FILES = [
  'aenderungsmeldung.bpmn',
  'berichtszeitraum.bpmn',
  'foerderfall.bpmn',
  'kfw-import.bpmn',
  'snapshot.bpmn',
  'widerruf.bpmn',
];

describe('the process models', () => {
  it('are the six lifecycles of the platform', () => {
    // given the processes folder / when listing it / then it holds exactly the six models
    expect(modelFiles()).toEqual(EXPECTED_FILES);
  });

  describe.each(models.map((model) => [model.file, model] as const))('%s', (file, model) => {
    const facts = modelFacts(model.definitions);

    it('parses with bpmn-moddle and zeebe-bpmn-moddle without warnings', () => {
      // given the file / when parsed as the engine parses it / then nothing was ignored
      expect(model.warnings).toEqual([]);
    });

    it('holds one executable process whose id is the file name', () => {
      // then the engine and the contract find it by its file name
      expect(facts.processIds).toEqual([file.replace(/\.bpmn$/, '')]);
    });

    it('targets Camunda 8.8 so the modeler opens it with the right properties panel', () => {
      expect(model.xml).toContain('modeler:executionPlatform="Camunda Cloud"');
      expect(model.xml).toContain('modeler:executionPlatformVersion="8.8.0"');
    });

    it('passes bpmnlint recommended and camunda-compat 8.8 without errors or warnings', async () => {
      // given the model / when linted with Camunda's own rules
      const findings = await lintDefinitions(model.definitions);
      // then nothing is reported (each finding names rule and element id)
      expect(findings.map((f) => `${f.category} ${f.rule} ${f.id ?? ''}: ${f.message}`)).toEqual(
        [],
      );
    });

    it('names every element in German and gives it a meaningful English id', () => {
      const unnamed = facts.elements.filter(
        (element) =>
          !element.name && !['bpmn:SequenceFlow', 'bpmn:ExclusiveGateway'].includes(element.$type),
      );
      expect(unnamed.map((element) => element.id)).toEqual([]);
      const badIds = facts.elements
        .map((element) => element.id ?? '')
        .filter(
          (id) =>
            !/^(Task|ReceiveTask|Gateway|StartEvent|EndEvent|Timer|Message|Flow|CallActivity|EventSubProcess)_[A-Z][A-Za-z]+(_[A-Z][A-Za-z]+)?$/.test(
              id,
            ),
        );
      expect(badIds).toEqual([]);
    });

    it('makes every user task a Camunda user task with a form and candidate groups', () => {
      for (const task of facts.userTasks) {
        expect(task, task.id).toMatchObject({ isCamundaUserTask: true });
        expect(task.formId, task.id).toMatch(/^[a-z][a-z-]*$/);
        expect(task.candidateGroups, task.id).toMatch(/\S/);
      }
    });

    it('draws every element and flow, without overlapping shapes', () => {
      // given the diagram a modeler shows
      const { shapes, edges } = diagramFacts(model.definitions);
      // then each element has a shape and each flow at least two waypoints
      for (const element of facts.elements) {
        if (element.$type === 'bpmn:SequenceFlow') {
          expect(edges.get(element.id ?? '')?.length ?? 0, element.id).toBeGreaterThanOrEqual(2);
        } else {
          expect(shapes.has(element.id ?? ''), element.id).toBe(true);
        }
      }
      // and no two shapes overlap, except a boundary event on its host or an element inside
      // its (event) subprocess
      const nested = (inner: ModdleNode, outer: ModdleNode): boolean =>
        inner['attachedToRef'] === outer || inner['$parent'] === outer;
      const list = [...shapes.values()];
      const clashes: string[] = [];
      list.forEach((a, i) =>
        list.slice(i + 1).forEach((b) => {
          if (nested(a.element, b.element) || nested(b.element, a.element)) return;
          if (overlaps(a.bounds, b.bounds)) clashes.push(`${a.element.id} / ${b.element.id}`);
        }),
      );
      expect(clashes).toEqual([]);
    });

    it('carries ids and decisions only: no ad-hoc output mappings of form data', () => {
      // then only call activities map variables, and only ids
      expect(model.xml).not.toMatch(/<zeebe:output /);
      for (const [, source] of model.xml.matchAll(/<zeebe:input source="([^"]+)"/g)) {
        expect(source).toMatch(/^=(caseId|periodId)$/);
      }
    });
  });
});

describe('the model checks themselves', () => {
  it('catch a user task without a form as a camunda-compat error', async () => {
    // given a model whose user task lacks zeebe:formDefinition
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Broken" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="broken" isExecutable="true">
    <bpmn:startEvent id="StartEvent_Begin" name="Beginn" />
    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Begin" targetRef="Task_WithoutForm" />
    <bpmn:userTask id="Task_WithoutForm" name="Ohne Formular"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_WithoutForm" targetRef="EndEvent_Done" />
    <bpmn:endEvent id="EndEvent_Done" name="Ende" />
  </bpmn:process>
</bpmn:definitions>`;
    const { BpmnModdle } = (await import('bpmn-moddle')) as unknown as {
      BpmnModdle: new (p: object) => { fromXML(x: string): Promise<{ rootElement: unknown }> };
    };
    const { default: zeebe } = await import('zeebe-bpmn-moddle/resources/zeebe.json', {
      with: { type: 'json' },
    });
    const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
    // when linted
    const findings = await lintDefinitions(rootElement);
    // then the missing form is an error on that task
    expect(findings).toContainEqual(
      expect.objectContaining({ category: 'error', id: 'Task_WithoutForm' }),
    );
  });
});

describe('the lint configuration', () => {
  it("is Camunda's 8.8 rule set on top of bpmnlint's recommended rules", async () => {
    const { LINT_CONFIG } = await import('./testing/lint-model.js');
    expect(LINT_CONFIG.extends).toEqual([
      'bpmnlint:recommended',
      'plugin:camunda-compat/camunda-cloud-8-8',
    ]);
  });
});
