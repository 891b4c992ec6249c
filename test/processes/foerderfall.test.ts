import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseGroup } from '../../domain/contract.js';
import { DAY } from './support/process-engine.js';
import { Scenario } from './support/scenario.js';

// A funding case from the invitation to the Abschlussbestätigung, on the engine through the
// SDK, with the clock moved by PUT /v2/clock.
let s: Scenario;
let caseId: string;
beforeEach(async () => {
  s = await Scenario.start(['foerderfall', 'berichtszeitraum']);
  caseId = s.workers.newId('case');
});
afterEach(async () => {
  await s.close();
});

/** Starts a case and lets the applicant register (the portal's message). */
async function registeredCase(): Promise<string> {
  const processInstanceKey = await s.startProcess('foerderfall', { caseId });
  await s.jobs('Task_SetStatusInvited');
  await s.publish('applicant-registered', caseId);
  return processInstanceKey;
}

/** The applicant completes master data and location. */
async function applicantSubmits(processInstanceKey: string) {
  await s.complete(await s.task(processInstanceKey, 'Task_CompleteMasterData'));
  await s.complete(await s.task(processInstanceKey, 'Task_DescribeLocation'));
}

describe('foerderfall: happy path', () => {
  it('invites, registers, collects master data and location, issues the Reporting-ID, reviews, reports and closes', async () => {
    // given a case the KfW import created
    const processInstanceKey = await s.startProcess('foerderfall', { caseId });
    await s.jobs('Task_SetStatusInvited');
    expect(s.workers.caseStatus.get(caseId)).toBe('EINGELADEN');
    expect(await s.activeElements(processInstanceKey)).toEqual(['ReceiveTask_AwaitRegistration']);

    // when the applicant registers
    await s.publish('applicant-registered', caseId);
    // then the applicant's master data task appears for the case's group
    const masterData = await s.task(processInstanceKey, 'Task_CompleteMasterData');
    expect(masterData).toMatchObject({
      name: 'Stammdaten vervollständigen',
      candidateGroups: [caseGroup(caseId)],
      formKey: 'stammdaten',
      dueDate: undefined,
    });
    expect(s.workers.caseStatus.get(caseId)).toBe('REGISTRIERT');

    // when master data is complete
    await s.complete(masterData);
    // then the location follows, for the same group
    const location = await s.task(processInstanceKey, 'Task_DescribeLocation');
    expect(location).toMatchObject({
      name: 'Standort & Ladeinfrastruktur erfassen',
      candidateGroups: [caseGroup(caseId)],
      formKey: 'standort',
    });

    // when the location is described and the automatic check finds nothing
    await s.complete(location);
    // then the Reporting-ID is issued before any officer looks at the case, and an officer reviews
    const review = await s.task(processInstanceKey, 'Task_ReviewCase');
    expect(review).toMatchObject({
      name: 'Stammdaten & Standort prüfen',
      candidateGroups: ['case-officer'],
      formKey: 'pruefung',
    });
    expect(s.workers.reportingIds.has(caseId)).toBe(true);
    expect(s.workers.caseStatus.get(caseId)).toBe('STAMMDATEN_VOLLSTAENDIG');

    // when the officer approves
    await s.complete(review, { decision: 'approve' });
    // then the periods are planned and the first period's reporting runs as a called instance
    const period = await s.instanceOf('berichtszeitraum', processInstanceKey);
    const [periodId] = (await s.jobs('Task_PlanPeriods'))[0]!.output['periodIds'] as string[];
    expect(await s.variables(period)).toMatchObject({ caseId, periodId });
    expect(s.workers.caseStatus.get(caseId)).toBe('BERICHTSPFLICHTIG');

    // when the period ends and its report is submitted without upload and approved
    await s.jobs('Task_OpenPeriod');
    await s.engine.advance(365 * DAY);
    await s.complete(await s.task(period, 'Task_SubmitReport'), {
      reportId: s.workers.newId('report'),
    });
    await s.complete(await s.task(period, 'Task_UploadSessions'), { uploadId: null });
    await s.complete(await s.task(period, 'Task_ReviewReport'), { decision: 'approve' });
    expect(await s.ended(period)).toBe('COMPLETED');
    // then the applicant confirms the end of the purpose-binding period
    const confirmation = await s.task(processInstanceKey, 'Task_ConfirmCompletion');
    expect(confirmation).toMatchObject({
      name: 'Abschlussbestätigung abgeben',
      candidateGroups: [caseGroup(caseId)],
      formKey: 'abschlussbestaetigung',
    });

    // when confirmed
    await s.complete(confirmation);
    // then the case is closed along the whole path, carrying ids and decisions only
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(s.workers.caseStatus.get(caseId)).toBe('ABGESCHLOSSEN');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_CaseCreated',
      'Gateway_InvitationJoin',
      'Task_SendInvitation',
      'Task_SetStatusInvited',
      'ReceiveTask_AwaitRegistration',
      'Task_SetStatusRegistered',
      'Gateway_MasterDataJoin',
      'Task_CompleteMasterData',
      'Task_DescribeLocation',
      'Task_ValidateCase',
      'Gateway_CaseValid',
      'Task_IssueReportingId',
      'Task_SetStatusMasterDataComplete',
      'Task_ReviewCase',
      'Gateway_ReviewDecision',
      'Task_NotifyApproved',
      'Task_PlanPeriods',
      'Task_SetStatusReporting',
      'CallActivity_ReportingPeriods', // the multi-instance body
      'CallActivity_ReportingPeriods', // its one inner instance
      'Task_ConfirmCompletion',
      'Task_SetStatusClosed',
      'EndEvent_CaseClosed',
    ]);
    expect(await s.variables(processInstanceKey)).toEqual({
      caseId,
      valid: true,
      findings: [],
      decision: 'approve',
      periodIds: [periodId],
    });
    expect(s.workers.notifications(processInstanceKey)).toEqual(['invitation', 'approved']);
  });

  it('runs one berichtszeitraum after the other, one per planned period', async () => {
    // given a case with three planned periods
    await s.close();
    s = await Scenario.start(['foerderfall', 'berichtszeitraum'], { periodsPerCase: 3 });
    caseId = s.workers.newId('case');
    const processInstanceKey = await registeredCase();
    await applicantSubmits(processInstanceKey);
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewCase'), { decision: 'approve' });
    const periodIds = (await s.jobs('Task_PlanPeriods'))[0]!.output['periodIds'] as string[];
    const reported: string[] = [];
    for (const [index, periodId] of periodIds.entries()) {
      // when each period ends and is reported
      const period = await s.instanceOf('berichtszeitraum', processInstanceKey);
      // then only this period runs
      expect(await s.instancesOf('berichtszeitraum', processInstanceKey)).toHaveLength(index + 1);
      expect(await s.variables(period)).toMatchObject({ periodId });
      await s.jobs('Task_OpenPeriod', index + 1);
      await s.engine.pinClock(Date.parse(s.workers.periods.get(periodId)!.periodEnd));
      await s.complete(await s.task(period, 'Task_SubmitReport'), {
        reportId: s.workers.newId('report'),
      });
      await s.complete(await s.task(period, 'Task_UploadSessions'), { uploadId: null });
      await s.complete(await s.task(period, 'Task_ReviewReport'), { decision: 'approve' });
      await s.ended(period);
      reported.push(periodId);
    }
    // then the case asks for the Abschlussbestätigung after the last one
    await s.task(processInstanceKey, 'Task_ConfirmCompletion');
    expect(reported).toEqual(periodIds);
    expect([...s.workers.periodStatus.values()]).toEqual(['GEPRUEFT', 'GEPRUEFT', 'GEPRUEFT']);
  });
});

describe('foerderfall: rework', () => {
  it('sends the case back to the applicant on rework and keeps the Reporting-ID', async () => {
    // given a case whose Reporting-ID was issued and which waits for the officer
    const processInstanceKey = await registeredCase();
    await applicantSubmits(processInstanceKey);
    const firstReview = await s.task(processInstanceKey, 'Task_ReviewCase');
    const reportingId = s.workers.reportingIds.get(caseId);
    expect(reportingId).toBeDefined();

    // when the officer requests rework
    await s.complete(firstReview, { decision: 'rework' });
    // then the applicant is told and gets the master data task again
    const again = await s.task(processInstanceKey, 'Task_CompleteMasterData');
    expect(again).toMatchObject({ candidateGroups: [caseGroup(caseId)], formKey: 'stammdaten' });
    await s.jobs('Task_NotifyRework');
    expect(s.workers.notifications(processInstanceKey)).toEqual(['invitation', 'rework']);

    // when the applicant reworks both forms and the officer approves
    await s.complete(again);
    await s.complete(await s.task(processInstanceKey, 'Task_DescribeLocation'));
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewCase'), { decision: 'approve' });
    await s.instanceOf('berichtszeitraum', processInstanceKey);

    // then the Reporting-ID is the one issued first: the issuing step ran again for the same
    // case, and the worker keeps an issued id (it returns no variable the process could change)
    const issued = await s.jobs('Task_IssueReportingId', 2);
    expect(issued.map((job) => job.variables['caseId'])).toEqual([caseId, caseId]);
    expect(issued.map((job) => job.output)).toEqual([{}, {}]);
    expect(s.workers.reportingIds.get(caseId)).toBe(reportingId);
    expect(await s.path(processInstanceKey)).toEqual(
      expect.arrayContaining(['Gateway_ReworkJoin', 'Task_NotifyRework']),
    );
    const masterDataTasks = (await s.allTasks(processInstanceKey)).filter(
      (task) => task.elementId === 'Task_CompleteMasterData',
    );
    expect(masterDataTasks.map((task) => task.state)).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('returns findings of the automatic check to the applicant before any Reporting-ID', async () => {
    // given a check that finds too many charging points the first time
    const findings = [
      {
        code: 'POINTS_EXCEED_APPLIED',
        severity: 'error',
        path: '/gruppen/0/anzahl',
        message: 'Mehr Ladepunkte als beantragt',
      },
    ];
    let checks = 0;
    s.workers.answer('case-validate', () =>
      (checks += 1) === 1 ? { valid: false, findings } : { valid: true, findings: [] },
    );
    const processInstanceKey = await registeredCase();

    // when the applicant submits
    await applicantSubmits(processInstanceKey);
    // then the findings go back with the rework notice, and no Reporting-ID is issued yet
    const again = await s.task(processInstanceKey, 'Task_CompleteMasterData');
    expect(again.candidateGroups).toEqual([caseGroup(caseId)]);
    const rework = await s.jobs('Task_NotifyRework');
    expect(rework).toHaveLength(1);
    expect(rework[0]!.variables['findings']).toEqual(findings);
    expect(await s.entered(processInstanceKey, 'Task_IssueReportingId')).toBe(0);

    // when corrected
    await s.complete(again);
    await s.complete(await s.task(processInstanceKey, 'Task_DescribeLocation'));
    // then the Reporting-ID is issued once and the officer reviews
    await s.task(processInstanceKey, 'Task_ReviewCase');
    expect(await s.jobs('Task_IssueReportingId')).toHaveLength(1);
    expect(await s.entered(processInstanceKey, 'Task_IssueReportingId')).toBe(1);
    expect(await s.variables(processInstanceKey)).toMatchObject({ valid: true, findings: [] });
  });
});

describe('foerderfall: waiting for the registration', () => {
  it('reminds every 14 days without leaving the wait, and hands the case to an officer after 90 days', async () => {
    // given an invited applicant who does not register
    const processInstanceKey = await s.startProcess('foerderfall', { caseId });
    await s.jobs('Task_SetStatusInvited');

    // when 14 days pass, six times (day 84)
    for (let reminder = 1; reminder <= 6; reminder += 1) {
      await s.engine.advance(14 * DAY);
      // then one more reminder each time, and the case still waits for the registration
      await s.jobs('Task_SendRegistrationReminder', reminder);
      expect(await s.entered(processInstanceKey, 'Task_SendRegistrationReminder')).toBe(reminder);
      expect(await s.activeElements(processInstanceKey)).toEqual(['ReceiveTask_AwaitRegistration']);
    }
    expect(await s.openTasks(processInstanceKey)).toEqual([]);

    // when day 90 passes
    await s.engine.advance(6 * DAY);
    // then a case officer is asked to contact the applicant; the wait and its reminders end
    const contact = await s.task(processInstanceKey, 'Task_ContactApplicant');
    expect(contact).toMatchObject({
      name: 'Kontakt aufnehmen',
      candidateGroups: ['case-officer'],
      formKey: 'kontakt-aufnehmen',
      dueDate: undefined,
    });
    expect(await s.activeElements(processInstanceKey)).toEqual(['Task_ContactApplicant']);
    const waits = (await s.elements(processInstanceKey)).filter(
      (element) => element.elementId === 'ReceiveTask_AwaitRegistration',
    );
    expect(waits).toEqual([{ elementId: 'ReceiveTask_AwaitRegistration', state: 'TERMINATED' }]);
    await s.engine.advance(14 * DAY);
    expect(await s.entered(processInstanceKey, 'Task_SendRegistrationReminder')).toBe(6);

    // when the officer has made contact
    await s.complete(contact);
    // then the invitation is sent again and the case waits anew, until the applicant registers
    await s.jobs('Task_SendInvitation', 2);
    await s.jobs('Task_SetStatusInvited', 2);
    expect(
      s.workers.notifications(processInstanceKey).filter((t) => t === 'invitation'),
    ).toHaveLength(2);
    await s.publish('applicant-registered', caseId);
    await s.task(processInstanceKey, 'Task_CompleteMasterData');
    expect(s.workers.caseStatus.get(caseId)).toBe('REGISTRIERT');
  });

  it('takes a registration that arrives while the officer makes contact once the case waits again', async () => {
    // given a case handed to an officer after 90 days
    const processInstanceKey = await s.startProcess('foerderfall', { caseId });
    await s.jobs('Task_SetStatusInvited');
    await s.engine.advance(90 * DAY);
    const contact = await s.task(processInstanceKey, 'Task_ContactApplicant');
    // when the applicant registers before the officer is done (the portal's message lives 7 days)
    await s.engine.zeebe.publishMessage({
      name: 'applicant-registered',
      correlationKey: caseId,
      variables: {},
      timeToLive: 7 * DAY,
    });
    // then nothing takes it yet
    expect(await s.entered(processInstanceKey, 'Task_SetStatusRegistered')).toBe(0);
    // when the officer closes the contact task
    await s.complete(contact);
    // then after the renewed invitation the buffered registration is taken at once
    await s.task(processInstanceKey, 'Task_CompleteMasterData');
    expect(await s.entered(processInstanceKey, 'ReceiveTask_AwaitRegistration')).toBe(2);
    expect(s.workers.caseStatus.get(caseId)).toBe('REGISTRIERT');
  });

  it('stops reminding once the applicant registers', async () => {
    // given a case that sent its first reminder
    const processInstanceKey = await s.startProcess('foerderfall', { caseId });
    await s.jobs('Task_SetStatusInvited');
    await s.engine.advance(14 * DAY);
    await s.jobs('Task_SendRegistrationReminder');
    // when the applicant registers on day 20
    await s.engine.advance(6 * DAY);
    await s.publish('applicant-registered', caseId);
    await s.task(processInstanceKey, 'Task_CompleteMasterData');
    // then neither further reminders nor the 90-day hand-over follow
    await s.engine.advance(100 * DAY);
    expect(await s.entered(processInstanceKey, 'Task_SendRegistrationReminder')).toBe(1);
    expect(await s.entered(processInstanceKey, 'Task_ContactApplicant')).toBe(0);
    expect(await s.activeElements(processInstanceKey)).toEqual(['Task_CompleteMasterData']);
  });
});
