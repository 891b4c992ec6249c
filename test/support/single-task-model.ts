/**
 * A BPMN model with one service task, generated for worker tests: start -> task -> end, with an
 * optional error boundary event (-> `End_Caught`) so a BPMN error thrown by a worker is caught.
 *
 * @example
 *   const xml = singleTaskModel({ processId: 'job-notify', jobType: 'notify', headers: { template: 'invitation' } });
 *   await zeebe.deployResource({ name: 'job-notify.bpmn', process: Buffer.from(xml) });
 */

/** What the model holds. */
export interface SingleTaskModel {
  processId: string;
  jobType: string;
  headers?: Record<string, string>;
  /** Error code caught by a boundary event on the task. */
  catchErrorCode?: string;
  /** @default 3 */
  retries?: number;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The BPMN XML. */
export function singleTaskModel(model: SingleTaskModel): string {
  const headers = Object.entries(model.headers ?? {})
    .map(([key, value]) => `<zeebe:header key="${escape(key)}" value="${escape(value)}" />`)
    .join('');
  const boundary = model.catchErrorCode
    ? `<bpmn:boundaryEvent id="Boundary_Error" attachedToRef="Task_Job"><bpmn:outgoing>Flow_Caught</bpmn:outgoing><bpmn:errorEventDefinition errorRef="Error_Caught" /></bpmn:boundaryEvent>
    <bpmn:endEvent id="End_Caught"><bpmn:incoming>Flow_Caught</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_Caught" sourceRef="Boundary_Error" targetRef="End_Caught" />`
    : '';
  const errorDefinition = model.catchErrorCode
    ? `<bpmn:error id="Error_Caught" name="caught" errorCode="${escape(model.catchErrorCode)}" />`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_${escape(model.processId)}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${escape(model.processId)}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Job">
      <bpmn:extensionElements><zeebe:taskDefinition type="${escape(model.jobType)}" retries="${model.retries ?? 3}" />${headers ? `<zeebe:taskHeaders>${headers}</zeebe:taskHeaders>` : ''}</bpmn:extensionElements>
      <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Start" targetRef="Task_Job" />
    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Job" targetRef="End_Done" />
    ${boundary}
  </bpmn:process>
  ${errorDefinition}
</bpmn:definitions>
`;
}
