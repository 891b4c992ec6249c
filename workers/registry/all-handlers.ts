/**
 * Every job handler of the platform, one per job type of `domain/contract.ts` (a test checks
 * that every job type in `processes/*.bpmn` has one here).
 */
import { caseRevokeHandler } from '../case-revoke/handler.js';
import { caseStatusHandler } from '../case-status/handler.js';
import { caseValidateHandler } from '../case-validate/handler.js';
import { changeNoticeApplyHandler } from '../change-notice-apply/handler.js';
import { issueReportingIdHandler } from '../issue-reporting-id/handler.js';
import { kfwImportHandler } from '../kfw-import/handler.js';
import { notifyHandler } from '../notify/handler.js';
import { periodStatusHandler } from '../period-status/handler.js';
import { planPeriodsHandler } from '../plan-periods/handler.js';
import { reportValidateHandler } from '../report-validate/handler.js';
import type { AnyJobHandler } from '../runtime/job-handler.js';
import { sessionsImportHandler } from '../sessions-import/handler.js';
import { snapshotHandler } from './snapshot-job.js';

/** All handlers, in the order of the contract's job types. */
export const ALL_HANDLERS: readonly AnyJobHandler[] = [
  kfwImportHandler,
  sessionsImportHandler,
  caseValidateHandler,
  reportValidateHandler,
  planPeriodsHandler,
  notifyHandler,
  issueReportingIdHandler,
  snapshotHandler,
  caseStatusHandler,
  periodStatusHandler,
  changeNoticeApplyHandler,
  caseRevokeHandler,
] as AnyJobHandler[];
