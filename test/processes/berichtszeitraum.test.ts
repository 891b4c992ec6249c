import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseGroup } from '../../domain/contract.js';
import { DAY } from './support/process-engine.js';
import { Scenario } from './support/scenario.js';

// One reporting period, started as foerderfall's call activity starts it (caseId, periodId).
// Periods here last 365 days; the report is due 60 days after the period ends.
let s: Scenario;
let caseId: string;
let periodId: string;
let periodEnd: number;
let deadline: number;
beforeEach(async () => {
  s = await Scenario.start(['berichtszeitraum']);
  caseId = s.workers.newId('case');
  periodId = s.workers.planPeriod(365 * DAY);
  const dates = s.workers.periods.get(periodId)!;
  periodEnd = Date.parse(dates.periodEnd);
  deadline = Date.parse(dates.periodDeadline);
});
afterEach(async () => {
  await s.close();
});

/** Starts the period and lets it end; answers the instance and its report task. */
async function endedPeriod() {
  const processInstanceKey = await s.startProcess('berichtszeitraum', { caseId, periodId });
  await s.jobs('Task_OpenPeriod');
  await s.engine.pinClock(periodEnd);
  return { processInstanceKey, report: await s.task(processInstanceKey, 'Task_SubmitReport') };
}

describe('berichtszeitraum: happy path', () => {
  it('asks for the report when the period ends, imports the upload, validates and lets an officer approve', async () => {
    // given an open period
    const processInstanceKey = await s.startProcess('berichtszeitraum', { caseId, periodId });
    await s.jobs('Task_OpenPeriod');
    expect(s.workers.periodStatus.get(periodId)).toBe('OFFEN');
    // when one day before its end
    await s.engine.pinClock(periodEnd - DAY);
    // then nothing is asked yet
    expect(await s.activeElements(processInstanceKey)).toEqual(['Timer_PeriodEnd']);
    expect(await s.openTasks(processInstanceKey)).toEqual([]);

    // when the period ends
    await s.engine.pinClock(periodEnd);
    // then the applicant is told and gets the report task, due at the deadline
    const report = await s.task(processInstanceKey, 'Task_SubmitReport');
    expect(report).toMatchObject({
      name: 'Nutzungsbericht erstellen',
      candidateGroups: [caseGroup(caseId)],
      formKey: 'nutzungsbericht',
      dueDate: new Date(deadline).toISOString(),
    });
    expect(await s.jobs('Task_NotifyReportDue')).toMatchObject([
      { headers: { template: 'report-due' }, variables: { caseId, periodId } },
    ]);

    // when the report is submitted
    const reportId = s.workers.newId('report');
    await s.complete(report, { reportId });
    // then the optional upload task follows, due at the same deadline
    const upload = await s.task(processInstanceKey, 'Task_UploadSessions');
    expect(upload).toMatchObject({
      name: 'Ladevorgänge hochladen (optional)',
      candidateGroups: [caseGroup(caseId)],
      formKey: 'upload-ladevorgaenge',
      dueDate: new Date(deadline).toISOString(),
    });

    // when a file is uploaded
    const uploadId = s.workers.newId('upload');
    await s.complete(upload, { uploadId });
    // then its sessions are imported, the report validated, and an officer reviews
    const review = await s.task(processInstanceKey, 'Task_ReviewReport');
    expect(review).toMatchObject({
      name: 'Nutzungsbericht prüfen',
      candidateGroups: ['case-officer'],
      formKey: 'bericht-pruefung',
      dueDate: undefined,
    });
    expect((await s.jobs('Task_ImportSessions'))[0]!.variables).toMatchObject({
      caseId,
      periodId,
      uploadId,
    });
    expect((await s.jobs('Task_ValidateReport'))[0]!.variables).toMatchObject({
      caseId,
      periodId,
      reportId,
      uploadId,
    });
    expect(s.workers.periodStatus.get(periodId)).toBe('EINGEREICHT');

    // when the officer approves
    await s.complete(review, { decision: 'approve' });
    // then the period is closed
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(s.workers.periodStatus.get(periodId)).toBe('GEPRUEFT');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_PeriodStarted',
      'Task_OpenPeriod',
      'Timer_PeriodEnd',
      'Task_NotifyReportDue',
      'Gateway_ReportJoin',
      'Task_SubmitReport',
      'Task_UploadSessions',
      'Gateway_UploadGiven',
      'Task_ImportSessions',
      'Gateway_ImportJoin',
      'Task_ValidateReport',
      'Gateway_ReportValid',
      'Task_SetStatusSubmitted',
      'Task_ReviewReport',
      'Gateway_ReviewDecision',
      'Task_SetStatusReviewed',
      'Task_NotifyApproved',
      'EndEvent_PeriodClosed',
    ]);
    expect(await s.variables(processInstanceKey)).toEqual({
      caseId,
      periodId,
      periodEnd: new Date(periodEnd).toISOString(),
      periodDeadline: new Date(deadline).toISOString(),
      reportId,
      uploadId,
      rejectedCount: 0,
      valid: true,
      findings: [],
      decision: 'approve',
    });
  });

  it('sends the report back with the findings when the officer asks for rework', async () => {
    // given a submitted report under review
    const { processInstanceKey, report } = await endedPeriod();
    await s.complete(report, { reportId: s.workers.newId('report') });
    await s.complete(await s.task(processInstanceKey, 'Task_UploadSessions'), { uploadId: null });
    // when the officer asks for rework
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewReport'), { decision: 'rework' });
    // then the applicant gets the report task again, the period waits for the rework
    const again = await s.task(processInstanceKey, 'Task_SubmitReport');
    expect(again).toMatchObject({
      candidateGroups: [caseGroup(caseId)],
      formKey: 'nutzungsbericht',
    });
    expect(s.workers.periodStatus.get(periodId)).toBe('NACHFORDERUNG');
    expect((await s.jobs('Task_NotifyRework'))[0]!.headers).toEqual({ template: 'rework' });
    // and no upload was imported, since none was given
    expect(await s.entered(processInstanceKey, 'Task_ImportSessions')).toBe(0);
  });
});

describe('berichtszeitraum: overdue report', () => {
  it('reminds 14 days before the deadline and escalates at the deadline while the report stays open', async () => {
    // given a period that ended and a report not submitted
    const { processInstanceKey, report } = await endedPeriod();

    // when 15 days before the deadline
    await s.engine.pinClock(deadline - 15 * DAY);
    // then no reminder yet
    expect(await s.entered(processInstanceKey, 'Task_SendReportReminder')).toBe(0);

    // when 14 days before the deadline
    await s.engine.pinClock(deadline - 14 * DAY);
    // then one reminder, and the report task is still open (non-interrupting)
    expect((await s.jobs('Task_SendReportReminder'))[0]!.headers).toEqual({ template: 'reminder' });
    expect((await s.openTasks(processInstanceKey)).map((t) => t.userTaskKey)).toEqual([
      report.userTaskKey,
    ]);

    // when the deadline passes
    await s.engine.pinClock(deadline);
    // then the period is overdue, the applicant is told, and an officer asks for the report
    const request = await s.task(processInstanceKey, 'Task_RequestMissingReport');
    expect(request).toMatchObject({
      name: 'Nachforderung stellen',
      candidateGroups: ['case-officer'],
      formKey: 'nachforderung',
      dueDate: undefined,
    });
    expect(s.workers.periodStatus.get(periodId)).toBe('UEBERFAELLIG');
    expect((await s.jobs('Task_NotifyOverdue'))[0]!.headers).toEqual({ template: 'overdue' });
    // and the applicant's report task stays open beside it (non-interrupting)
    expect((await s.openTasks(processInstanceKey)).map((t) => t.elementId)).toEqual([
      'Task_SubmitReport',
      'Task_RequestMissingReport',
    ]);
    expect(await s.entered(processInstanceKey, 'Task_SendReportReminder')).toBe(1);

    // when the officer has asked, and the applicant reports late and the officer approves
    await s.complete(request);
    await s.complete(report, { reportId: s.workers.newId('report') });
    await s.complete(await s.task(processInstanceKey, 'Task_UploadSessions'), { uploadId: null });
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewReport'), {
      decision: 'approve',
    });
    // then the period closes
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(s.workers.periodStatus.get(periodId)).toBe('GEPRUEFT');
  });

  it('ends an escalation still open when the late report is approved', async () => {
    // given an overdue period whose Nachforderung nobody has worked on
    const { processInstanceKey, report } = await endedPeriod();
    await s.engine.pinClock(deadline);
    const request = await s.task(processInstanceKey, 'Task_RequestMissingReport');
    // when the report comes in and is approved
    await s.complete(report, { reportId: s.workers.newId('report') });
    await s.complete(await s.task(processInstanceKey, 'Task_UploadSessions'), { uploadId: null });
    await s.complete(await s.task(processInstanceKey, 'Task_ReviewReport'), {
      decision: 'approve',
    });
    // then the terminate end event closes the period and withdraws the Nachforderung
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    const tasks = await s.allTasks(processInstanceKey);
    expect(tasks.find((t) => t.userTaskKey === request.userTaskKey)?.state).toBe('CANCELED');
    expect(await s.openTasks(processInstanceKey)).toEqual([]);
  });
});

describe('berichtszeitraum: sessions uploaded outside the task', () => {
  it('imports an upload announced by sessions-uploaded while the report is open', async () => {
    // given an open report task
    const { processInstanceKey, report } = await endedPeriod();
    // when the portal announces an upload for the case
    const uploadId = s.workers.newId('upload');
    await s.publish('sessions-uploaded', caseId, { uploadId });
    // then the sessions are imported and the report task stays open
    expect((await s.jobs('Task_ImportUploadedSessions'))[0]!.variables).toMatchObject({
      caseId,
      periodId,
      uploadId,
    });
    expect((await s.openTasks(processInstanceKey)).map((t) => t.userTaskKey)).toEqual([
      report.userTaskKey,
    ]);
  });
});
