import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROCESS_IDS } from '../../domain/contract.js';
import { Scenario } from './support/scenario.js';

// One instance per delivered KfW file. The test import worker returns what the real one does
// (importRunId, rejectedCount) and, as the real one, starts a foerderfall per new case.
let s: Scenario;
const fileKey = 'kfw-inbox/2027-01-04-antraege.xlsx';
beforeEach(async () => {
  s = await Scenario.start(['kfw-import', 'foerderfall']);
});
afterEach(async () => {
  await s.close();
});

describe('kfw-import', () => {
  it('imports a clean file, starts a foerderfall per new case and ends without a task', async () => {
    // given a file with two new applications and no bad row
    const newCases = [s.workers.newId('case'), s.workers.newId('case')];
    const importRunId = s.workers.newId('importRun');
    s.workers.answer('kfw-import', async () => {
      for (const caseId of newCases)
        await s.engine.zeebe.createProcessInstance({
          bpmnProcessId: PROCESS_IDS.foerderfall,
          variables: { caseId },
        });
      return { importRunId, rejectedCount: 0 };
    });
    // when the file is delivered
    const processInstanceKey = await s.startProcess('kfw-import', { fileKey });
    // then the import ends without a task for the admins
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_FileDelivered',
      'Task_ImportFile',
      'Gateway_RowsRejected',
      'EndEvent_ImportDone',
    ]);
    expect(await s.variables(processInstanceKey)).toEqual({
      fileKey,
      importRunId,
      rejectedCount: 0,
    });
    expect(await s.allTasks(processInstanceKey)).toEqual([]);
    // and each new case runs its own foerderfall, inviting its applicant
    const cases = await s.instancesOf('foerderfall');
    expect(cases).toHaveLength(2);
    for (const [index, instance] of cases.entries()) {
      expect(await s.variables(instance.processInstanceKey)).toMatchObject({
        caseId: newCases[index],
      });
      await s.jobs('Task_SendInvitation', index + 1);
    }
    expect(
      s.workers
        .of('notify', 'Task_SendInvitation')
        .map((job) => job.variables['caseId'])
        .sort(),
    ).toEqual([...newCases].sort());
  });

  it('asks an admin to review the rejected rows of a file', async () => {
    // given a file in which three rows were rejected
    const importRunId = s.workers.newId('importRun');
    s.workers.answer('kfw-import', () => ({ importRunId, rejectedCount: 3 }));
    // when the file is delivered
    const processInstanceKey = await s.startProcess('kfw-import', { fileKey });
    // then the admins get "Importfehler prüfen" with the row report's form
    const review = await s.task(processInstanceKey, 'Task_ReviewImportErrors');
    expect(review).toMatchObject({
      name: 'Importfehler prüfen',
      candidateGroups: ['admin'],
      formKey: 'importfehler',
      dueDate: undefined,
    });
    expect(await s.variables(processInstanceKey)).toEqual({
      fileKey,
      importRunId,
      rejectedCount: 3,
    });

    // when an admin has reviewed them
    await s.complete(review);
    // then the import ends on the reviewed path
    expect(await s.ended(processInstanceKey)).toBe('COMPLETED');
    expect(await s.path(processInstanceKey)).toEqual([
      'StartEvent_FileDelivered',
      'Task_ImportFile',
      'Gateway_RowsRejected',
      'Task_ReviewImportErrors',
      'EndEvent_ErrorsReviewed',
    ]);
  });
});
