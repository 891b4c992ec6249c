/**
 * A BPMN model with one Camunda user task, generated for portal tests: start -> user task ->
 * end, the task with a form (`zeebe:formDefinition externalReference`), candidate groups (a FEEL
 * expression such as `=["case:" + caseId]`) and an optional due date, as the real models declare
 * them.
 *
 * @example
 *   const xml = userTaskModel({ processId: 'standort-task', formId: 'standort', candidateGroups: '=["case:" + caseId]' });
 */

/** What the model holds. */
export interface UserTaskModel {
  processId: string;
  /** The form (`zeebe:formDefinition externalReference`); absent: a task without a form. */
  formId?: string;
  /** A FEEL expression (e.g. `=groups` for a list variable) or a comma-separated list. */
  candidateGroups: string;
  /** FEEL or ISO 8601 date-time for `zeebe:taskSchedule dueDate`. */
  dueDate?: string;
  /** Element id of the user task. @default 'Task_Form' */
  taskId?: string;
  /** Name of the user task. @default 'Formular ausfüllen' */
  name?: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The BPMN XML. */
export function userTaskModel(model: UserTaskModel): string {
  const taskId = model.taskId ?? 'Task_Form';
  const schedule = model.dueDate ? `<zeebe:taskSchedule dueDate="${escape(model.dueDate)}" />` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_${escape(model.processId)}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${escape(model.processId)}" name="${escape(model.processId)}" isExecutable="true">
    <bpmn:startEvent id="Start" name="Begonnen"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="${escape(taskId)}" name="${escape(model.name ?? 'Formular ausfüllen')}">
      <bpmn:extensionElements><zeebe:userTask />${model.formId ? `<zeebe:formDefinition externalReference="${escape(model.formId)}" />` : ''}<zeebe:assignmentDefinition candidateGroups="${escape(model.candidateGroups)}" />${schedule}</bpmn:extensionElements>
      <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End_Done" name="Erledigt"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Start" targetRef="${escape(taskId)}" />
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="${escape(taskId)}" targetRef="End_Done" />
  </bpmn:process>
</bpmn:definitions>
`;
}
