/**
 * Which user tasks a caller may see: applicants the tasks of the case groups (`case:<caseId>`)
 * of the cases linked to their account; case officers, admins and analysts the tasks of their
 * role's candidate group; everyone the tasks assigned to them. A task outside these is
 * NOT_FOUND, like a task that does not exist.
 */
import { caseGroup } from '../../../../domain/index.js';
import type { Principal, RealmRole } from '../../http/principal.js';
import type { CaseAccess } from '../cases/case-access.js';
import type { EngineTask } from '../../engine-client/task-client.js';

/** Roles whose name is a candidate group of their tasks. */
const groupRoles: readonly RealmRole[] = ['case-officer', 'admin', 'analyst'];

/** The candidate groups whose tasks the caller sees. */
export async function visibleGroups(principal: Principal, access: CaseAccess): Promise<string[]> {
  const groups: string[] = principal.roles.filter((role) => groupRoles.includes(role));
  if (principal.roles.includes('applicant'))
    groups.push(...(await access.linkedCaseIds(principal)).map((id) => caseGroup(id)));
  return groups;
}

/** True when the caller may see `task`. */
export function maySee(task: EngineTask, principal: Principal, groups: string[]): boolean {
  return (
    task.assignee === principal.subject || task.candidateGroups.some((g) => groups.includes(g))
  );
}
