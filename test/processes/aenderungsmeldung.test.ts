import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scenario } from './support/scenario.js';

// An applicant's change notice: the portal publishes change-notice-filed with caseId and
// changeNoticeId when the form aenderungsmeldung is sent.
let s: Scenario;
let caseId: string;
let changeNoticeId: string;
beforeEach(async () => {
  s = await Scenario.start(['aenderungsmeldung']);
  caseId = s.workers.newId('case');
  changeNoticeId = s.workers.newId('changeNotice');
});
afterEach(async () => {
  await s.close();
});

/** The portal files a change notice; answers the instance and the officer's review task. */
async function filed() {
  await s.publish('change-notice-filed', caseId, { caseId, changeNoticeId });
  const processInstanceKey = await s.instanceOf('aenderungsmeldung');
  return {
    processInstanceKey,
    review: await s.task(processInstanceKey, 'Task_ReviewChangeNotice'),
  };
}

describe('aenderungsmeldung', () => {
  it('has an officer review a change notice and applies it when approved', async () => {
    // when a change notice is filed
    const { processInstanceKey, review } = await filed();
    // then a case officer reviews it
    expect(review).toMatchObject({
      name: 'Änderungsmeldung prüfen',
      candidateGroups: ['case-officer'],
      formKey: 'aenderungsmeldung-pruefung',
      dueDate: undefined,
    });

    // when approved
    await s.complete(review, { decision: 'approve' });
    // then the change is applied to the case and the applicant told
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect((await s.jobs('Task_ApplyChangeNotice'))[0]!.variables).toMatchObject({
      caseId,
      changeNoticeId,
    });
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_ChangeNoticeFiled',
      'Task_ReviewChangeNotice',
      'Gateway_ChangeDecision',
      'Task_ApplyChangeNotice',
      'Task_NotifyApproved',
      'EndEvent_ChangeApplied',
    ]);
    expect(await s.variables(processInstanceKey)).toEqual({
      caseId,
      changeNoticeId,
      decision: 'approve',
    });
    expect(s.workers.notifications(processInstanceKey)).toEqual(['approved']);
  });

  it('applies nothing when the officer rejects the change notice', async () => {
    // given a filed change notice
    const { processInstanceKey, review } = await filed();
    // when rejected
    await s.complete(review, { decision: 'reject' });
    // then it ends without touching the case
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_ChangeNoticeFiled',
      'Task_ReviewChangeNotice',
      'Gateway_ChangeDecision',
      'EndEvent_ChangeRejected',
    ]);
  });
});
