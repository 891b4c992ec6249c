import type { ModdleNode } from './read-model.js';

/** A user task as the portal sees it. */
export interface UserTaskFact {
  readonly id: string;
  readonly name: string | undefined;
  readonly processId: string;
  readonly isCamundaUserTask: boolean;
  readonly formId: string | undefined;
  readonly candidateGroups: string | undefined;
  readonly dueDate: string | undefined;
}

/** A job-worker element (service task, or any element with a task definition). */
export interface JobFact {
  readonly id: string;
  readonly name: string | undefined;
  readonly processId: string;
  readonly type: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** The element template applied in the modeler (`zeebe:modelerTemplate`), if any. */
  readonly template: string | undefined;
}

/** A use of a message by an event or receive task. */
export interface MessageFact {
  readonly elementId: string;
  readonly processId: string;
  readonly name: string | undefined;
  /** The subscription's correlation key expression; undefined for process start messages. */
  readonly correlationKey: string | undefined;
  readonly startsProcess: boolean;
}

/** What a model says that crosses into workers, portal and other processes. */
export interface ModelFacts {
  readonly processIds: readonly string[];
  readonly userTasks: readonly UserTaskFact[];
  readonly jobs: readonly JobFact[];
  readonly messages: readonly MessageFact[];
  readonly calledProcessIds: readonly { elementId: string; processId: string | undefined }[];
  readonly conditions: readonly { flowId: string; expression: string }[];
  /** Every element of the processes (flow nodes, flows, nested), for naming checks. */
  readonly elements: readonly ModdleNode[];
}

const list = (node: ModdleNode, property: string): ModdleNode[] => {
  const value = node[property];
  return Array.isArray(value) ? (value as ModdleNode[]) : [];
};
const one = (node: ModdleNode, property: string): ModdleNode | undefined => {
  const value = node[property];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as ModdleNode)
    : undefined;
};
const str = (node: ModdleNode | undefined, property: string): string | undefined => {
  const value = node?.[property];
  return typeof value === 'string' ? value : undefined;
};

/** The `zeebe:*` extension element of a type on a node. */
export function extensionOf(node: ModdleNode, type: string): ModdleNode | undefined {
  const extensions = one(node, 'extensionElements');
  return extensions ? list(extensions, 'values').find((value) => value.$type === type) : undefined;
}

/** Every flow element of a container, including those nested in (event) subprocesses. */
export function flowElementsDeep(container: ModdleNode): ModdleNode[] {
  return list(container, 'flowElements').flatMap((element) =>
    element.$type === 'bpmn:SubProcess' ? [element, ...flowElementsDeep(element)] : [element],
  );
}

function messageOf(element: ModdleNode): ModdleNode | undefined {
  if (element.$type === 'bpmn:ReceiveTask') return one(element, 'messageRef');
  const definition = list(element, 'eventDefinitions').find(
    (candidate) => candidate.$type === 'bpmn:MessageEventDefinition',
  );
  return definition ? one(definition, 'messageRef') : undefined;
}

/**
 * Reads the facts of a parsed model that the contract constrains.
 *
 * @example
 *   const facts = modelFacts(model.definitions);
 *   facts.jobs.map((job) => job.type); // ['notify', 'case-status', ...]
 */
export function modelFacts(definitions: ModdleNode): ModelFacts {
  const processes = list(definitions, 'rootElements').filter(
    (root) => root.$type === 'bpmn:Process',
  );
  const userTasks: UserTaskFact[] = [];
  const jobs: JobFact[] = [];
  const messages: MessageFact[] = [];
  const calledProcessIds: { elementId: string; processId: string | undefined }[] = [];
  const conditions: { flowId: string; expression: string }[] = [];
  const elements: ModdleNode[] = [];

  for (const process of processes) {
    const processId = process.id ?? '';
    for (const element of flowElementsDeep(process)) {
      elements.push(element);
      const id = element.id ?? '';
      if (element.$type === 'bpmn:UserTask') {
        userTasks.push({
          id,
          name: element.name,
          processId,
          isCamundaUserTask: extensionOf(element, 'zeebe:UserTask') !== undefined,
          formId: str(extensionOf(element, 'zeebe:FormDefinition'), 'externalReference'),
          candidateGroups: str(
            extensionOf(element, 'zeebe:AssignmentDefinition'),
            'candidateGroups',
          ),
          dueDate: str(extensionOf(element, 'zeebe:TaskSchedule'), 'dueDate'),
        });
      }
      const taskDefinition = extensionOf(element, 'zeebe:TaskDefinition');
      if (element.$type === 'bpmn:ServiceTask' || taskDefinition) {
        const headers = extensionOf(element, 'zeebe:TaskHeaders');
        jobs.push({
          id,
          name: element.name,
          processId,
          type: str(taskDefinition, 'type'),
          template: str(element, 'modelerTemplate'),
          headers: Object.fromEntries(
            (headers ? list(headers, 'values') : []).map((header) => [
              str(header, 'key') ?? '',
              str(header, 'value') ?? '',
            ]),
          ),
        });
      }
      const message = messageOf(element);
      if (message) {
        messages.push({
          elementId: id,
          processId,
          name: message.name,
          correlationKey: str(extensionOf(message, 'zeebe:Subscription'), 'correlationKey'),
          startsProcess:
            element.$type === 'bpmn:StartEvent' &&
            one(element, '$parent')?.$type === 'bpmn:Process',
        });
      }
      if (element.$type === 'bpmn:CallActivity') {
        calledProcessIds.push({
          elementId: id,
          processId: str(extensionOf(element, 'zeebe:CalledElement'), 'processId'),
        });
      }
      const condition = one(element, 'conditionExpression');
      if (element.$type === 'bpmn:SequenceFlow' && condition) {
        conditions.push({ flowId: id, expression: str(condition, 'body')?.trim() ?? '' });
      }
    }
  }
  return {
    processIds: processes.map((process) => process.id ?? ''),
    userTasks,
    jobs,
    messages,
    calledProcessIds,
    conditions,
    elements,
  };
}
