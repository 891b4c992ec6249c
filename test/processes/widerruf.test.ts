import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseGroup } from '../../domain/contract.js';
import { DAY } from './support/process-engine.js';
import { Scenario } from './support/scenario.js';

// A revocation with four-eyes approval. The portal publishes revocation-requested with caseId,
// revocationId and requestedBy; it lets only another officer claim the approval task. The
// case-revoke worker publishes case-revoked, which ends the case and its running reporting.
let s: Scenario;
let caseId: string;
const requester = 'officer-anna';
const approver = 'officer-ben';
beforeEach(async () => {
  s = await Scenario.start(['foerderfall', 'berichtszeitraum', 'widerruf']);
  caseId = s.workers.newId('case');
});
afterEach(async () => {
  await s.close();
});

/** A case in its reporting phase, its first period ended and the report task open. */
async function caseInReporting() {
  const processInstanceKey = await s.startProcess('foerderfall', { caseId });
  await s.jobs('Task_SetStatusInvited');
  await s.publish('applicant-registered', caseId);
  await s.complete(await s.task(processInstanceKey, 'Task_CompleteMasterData'));
  await s.complete(await s.task(processInstanceKey, 'Task_DescribeLocation'));
  await s.complete(await s.task(processInstanceKey, 'Task_ReviewCase'), { decision: 'approve' });
  const period = await s.instanceOf('berichtszeitraum', processInstanceKey);
  await s.jobs('Task_OpenPeriod');
  await s.engine.advance(365 * DAY);
  const report = await s.task(period, 'Task_SubmitReport');
  return { processInstanceKey, period, report };
}

/** An officer requests the revocation; answers the instance and its approval task. */
async function revocationRequested(revocationId: string) {
  await s.publish('revocation-requested', caseId, { caseId, revocationId, requestedBy: requester });
  const processInstanceKey = await s.instanceOf('widerruf');
  return {
    processInstanceKey,
    approval: await s.task(processInstanceKey, 'Task_ApproveRevocation'),
  };
}

describe('widerruf', () => {
  it('revokes the case when a second officer approves, and stops the running reporting', async () => {
    // given a case whose applicant has an open usage report
    const reporting = await caseInReporting();
    expect(reporting.report.candidateGroups).toEqual([caseGroup(caseId)]);

    // when an officer requests a revocation
    const revocationId = s.workers.newId('revocation');
    const { processInstanceKey, approval } = await revocationRequested(revocationId);
    // then the approval goes to the case officers, carrying who asked
    expect(approval).toMatchObject({
      name: 'Widerruf freigeben (Vier-Augen-Prinzip)',
      candidateGroups: ['case-officer'],
      formKey: 'widerruf-freigabe',
      dueDate: undefined,
    });
    expect(await s.variables(processInstanceKey)).toEqual({
      caseId,
      revocationId,
      requestedBy: requester,
    });

    // when a second officer claims and approves it
    await s.assign(approval, approver);
    const claimed = await s.task(processInstanceKey, 'Task_ApproveRevocation');
    expect(claimed.assignee).toBe(approver);
    expect(claimed.assignee).not.toBe(requester);
    await s.complete(claimed, { decision: 'approve' });

    // then the case is revoked and the applicant told
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_RevocationRequested',
      'Task_ApproveRevocation',
      'Gateway_RevocationDecision',
      'Task_RevokeCase',
      'Task_NotifyRevoked',
      'EndEvent_Revoked',
    ]);
    expect(s.workers.caseStatus.get(caseId)).toBe('WIDERRUFEN');
    expect(s.workers.notifications(processInstanceKey)).toEqual(['revoked']);
    // and the case instance ended through its revocation event subprocess
    expect(await s.ended(reporting.processInstanceKey)).toBe('COMPLETED');
    const caseElements = await s.elements(reporting.processInstanceKey);
    expect(caseElements.filter((e) => e.elementId === 'CallActivity_ReportingPeriods')).toEqual([
      { elementId: 'CallActivity_ReportingPeriods', state: 'TERMINATED' },
      { elementId: 'CallActivity_ReportingPeriods', state: 'TERMINATED' },
    ]);
    expect(caseElements.slice(-3)).toEqual([
      { elementId: 'EventSubProcess_Revocation', state: 'COMPLETED' },
      { elementId: 'StartEvent_CaseRevoked', state: 'COMPLETED' },
      { elementId: 'EndEvent_CaseRevoked', state: 'COMPLETED' },
    ]);
    expect(await s.entered(reporting.processInstanceKey, 'Task_ConfirmCompletion')).toBe(0);
    // and its reporting period was terminated, withdrawing the applicant's report task
    expect(await s.ended(reporting.period)).toBe('TERMINATED');
    const [report] = await s.allTasks(reporting.period);
    expect(report).toMatchObject({ userTaskKey: reporting.report.userTaskKey, state: 'CANCELED' });
  });

  it('ends a case still waiting for its registration, with its reminders', async () => {
    // given an invited applicant who has not registered
    const caseKey = await s.startProcess('foerderfall', { caseId });
    await s.jobs('Task_SetStatusInvited');
    // when a revocation is approved by a second officer
    const { processInstanceKey, approval } = await revocationRequested(
      s.workers.newId('revocation'),
    );
    await s.assign(approval, approver);
    await s.complete(approval, { decision: 'approve' });
    await s.ended(processInstanceKey);
    // then the case ends, and neither reminders nor the hand-over follow
    expect(await s.ended(caseKey)).toBe('COMPLETED');
    expect(await s.elements(caseKey)).toContainEqual({
      elementId: 'ReceiveTask_AwaitRegistration',
      state: 'TERMINATED',
    });
    await s.engine.advance(100 * DAY);
    expect(await s.entered(caseKey, 'Task_SendRegistrationReminder')).toBe(0);
    expect(await s.entered(caseKey, 'Task_ContactApplicant')).toBe(0);
    expect(s.workers.caseStatus.get(caseId)).toBe('WIDERRUFEN');
  });

  it('leaves the case and its reporting running when the second officer rejects', async () => {
    // given a case in reporting and a requested revocation
    const reporting = await caseInReporting();
    const { processInstanceKey, approval } = await revocationRequested(
      s.workers.newId('revocation'),
    );
    // when the second officer rejects it
    await s.assign(approval, approver);
    await s.complete(approval, { decision: 'reject' });
    // then nothing is revoked
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect((await s.path(processInstanceKey)).at(-1)).toBe('EndEvent_RevocationRejected');
    expect(await s.entered(processInstanceKey, 'Task_RevokeCase')).toBe(0);
    expect(s.workers.caseStatus.get(caseId)).toBe('BERICHTSPFLICHTIG');
    expect((await s.instance(reporting.processInstanceKey)).state).toBe('ACTIVE');
    expect((await s.openTasks(reporting.period)).map((t) => t.userTaskKey)).toEqual([
      reporting.report.userTaskKey,
    ]);
  });
});
