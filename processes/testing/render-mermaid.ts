import { CASE_GROUP_FEEL } from '../../domain/contract.js';
import { extensionOf } from './model-facts.js';
import type { ModdleNode } from './read-model.js';

/**
 * Renders a model as a Mermaid flowchart (left to right) for `docs/processes.md`, so the
 * documentation shows the process as deployed. Hand-written because no maintained library turns
 * BPMN into Mermaid; it draws only what the docs need: events, tasks, gateways, flows, boundary
 * events and event subprocesses.
 *
 * @example
 *   const chart = renderMermaid(model.definitions); // 'flowchart LR\n  StartEvent_...'
 */
export function renderMermaid(definitions: ModdleNode): string {
  const process = (definitions['rootElements'] as ModdleNode[]).find(
    (root) => root.$type === 'bpmn:Process',
  );
  if (!process) return 'flowchart LR';
  const lines = ['flowchart LR'];
  renderContainer(process, lines, '  ');
  lines.push(
    '  classDef user fill:#e8f0fe,stroke:#1a56db',
    '  classDef job fill:#f3f4f6,stroke:#6b7280',
    '  classDef event fill:#fff,stroke:#111827',
  );
  return lines.join('\n');
}

const label = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

function eventKind(element: ModdleNode): string {
  const definition = ((element['eventDefinitions'] as ModdleNode[] | undefined) ?? [])[0];
  if (definition?.$type === 'bpmn:TimerEventDefinition') return 'Timer: ';
  if (definition?.$type === 'bpmn:MessageEventDefinition') {
    const message = definition['messageRef'] as ModdleNode | undefined;
    return `Nachricht ${message?.name ?? ''}: `;
  }
  return '';
}

function shape(element: ModdleNode): { text: string; cls?: string } | undefined {
  const id = element.id ?? '';
  const name = element.name ?? '';
  switch (element.$type) {
    case 'bpmn:StartEvent':
    case 'bpmn:EndEvent':
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:BoundaryEvent': {
      const interrupting =
        element.$type === 'bpmn:BoundaryEvent' && element['cancelActivity'] === false
          ? ' (nicht unterbrechend)'
          : '';
      return {
        text: `${id}((${label(`${eventKind(element)}${name}${interrupting}`)}))`,
        cls: 'event',
      };
    }
    case 'bpmn:ExclusiveGateway':
      return { text: `${id}{${label(name || ' ')}}` };
    case 'bpmn:UserTask': {
      const form = extensionOf(element, 'zeebe:FormDefinition')?.['externalReference'];
      const groups = extensionOf(element, 'zeebe:AssignmentDefinition')?.['candidateGroups'];
      const who = groups === CASE_GROUP_FEEL ? 'Antragsteller/in (case:caseId)' : groups;
      return { text: `${id}(${label(`${name}<br/>${who} · Formular ${form}`)})`, cls: 'user' };
    }
    case 'bpmn:ServiceTask': {
      const type = extensionOf(element, 'zeebe:TaskDefinition')?.['type'];
      const headers = extensionOf(element, 'zeebe:TaskHeaders');
      const values = ((headers?.['values'] as ModdleNode[] | undefined) ?? []).map(
        (header) => `${String(header['value'])}`,
      );
      return { text: `${id}[${label(`${name}<br/>${[type, ...values].join(': ')}`)}]`, cls: 'job' };
    }
    case 'bpmn:ReceiveTask': {
      const message = element['messageRef'] as ModdleNode | undefined;
      return {
        text: `${id}[${label(`${name}<br/>Nachricht ${message?.name ?? ''}`)}]`,
        cls: 'event',
      };
    }
    case 'bpmn:CallActivity': {
      const called = extensionOf(element, 'zeebe:CalledElement')?.['processId'];
      return { text: `${id}[[${label(`${name}<br/>ruft ${called} je Element`)}]]`, cls: 'job' };
    }
    default:
      return undefined;
  }
}

function renderContainer(container: ModdleNode, lines: string[], indent: string): void {
  const elements = (container['flowElements'] as ModdleNode[] | undefined) ?? [];
  for (const element of elements) {
    if (element.$type === 'bpmn:SubProcess') {
      lines.push(`${indent}subgraph ${element.id}[${label(element.name ?? '')}]`);
      renderContainer(element, lines, `${indent}  `);
      lines.push(`${indent}end`);
      continue;
    }
    const drawn = shape(element);
    if (drawn) lines.push(`${indent}${drawn.text}${drawn.cls ? `:::${drawn.cls}` : ''}`);
  }
  for (const element of elements) {
    if (element.$type === 'bpmn:BoundaryEvent') {
      const host = element['attachedToRef'] as ModdleNode;
      lines.push(`${indent}${host.id} -.- ${element.id}`);
    }
    if (element.$type !== 'bpmn:SequenceFlow') continue;
    const source = element['sourceRef'] as ModdleNode;
    const target = element['targetRef'] as ModdleNode;
    const arrow = element.name ? `-->|${label(element.name)}|` : '-->';
    lines.push(`${indent}${source.id} ${arrow} ${target.id}`);
  }
}
