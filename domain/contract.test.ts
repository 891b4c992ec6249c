import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CASE_GROUP_FEEL,
  CASE_GROUP_PREFIX,
  CASE_STATUSES,
  DECISIONS,
  FORM_IDS,
  FORMS,
  InvalidCaseIdError,
  JOB_SPECS,
  JOB_TYPES,
  MESSAGES,
  MalformedCaseGroupError,
  NOTIFY_TEMPLATES,
  PERIOD_STATUSES,
  PROCESS_IDS,
  ROLE_GROUPS,
  ROLES,
  TASK_HEADERS,
  VARIABLES,
  caseGroup,
  isCandidateGroup,
  isCaseGroup,
  isDecision,
  isFormId,
  isJobType,
  isMessageName,
  isNotifyTemplate,
  isProcessId,
  isRole,
  isVariableName,
  parseCaseGroup,
} from './contract.js';
import { FINDING_DEFINITIONS } from './rules/index.js';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

const messageNames = Object.values(MESSAGES).map((message) => message.name);

const groups: Array<[string, string[], RegExp]> = [
  ['process ids', Object.values(PROCESS_IDS), KEBAB],
  ['job types', Object.values(JOB_TYPES), KEBAB],
  ['message names', messageNames, KEBAB],
  ['roles', Object.values(ROLES), KEBAB],
  ['role candidate groups', Object.values(ROLE_GROUPS), KEBAB],
  ['notify templates', Object.values(NOTIFY_TEMPLATES), KEBAB],
  ['form ids', FORM_IDS, KEBAB],
  ['decisions', Object.values(DECISIONS), KEBAB],
  ['task headers', Object.values(TASK_HEADERS), KEBAB],
  ['variables (FEEL identifiers)', Object.values(VARIABLES), CAMEL],
  ['case statuses', Object.values(CASE_STATUSES), UPPER_SNAKE],
  ['period statuses', Object.values(PERIOD_STATUSES), UPPER_SNAKE],
];

describe('names of the contract', () => {
  it.each(groups)('%s are unique', (_group, names) => {
    // given the names of one group
    // when duplicates are removed
    // then none was lost: a model cannot mean two things with one name
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(groups)('%s follow their naming convention', (_group, names, pattern) => {
    // given the names of one group, when each is matched, then every one fits the convention
    expect(names.filter((name) => !pattern.test(name))).toEqual([]);
  });

  it('names the job types, processes, messages and templates of the design', () => {
    // given the names DESIGN.md fixes, when looked up, then the contract knows each of them
    const fixed: Array<[(value: unknown) => boolean, string[]]> = [
      [
        isJobType,
        [
          'kfw-import',
          'sessions-import',
          'case-validate',
          'report-validate',
          'plan-periods',
          'notify',
          'issue-reporting-id',
          'snapshot',
        ],
      ],
      [
        isProcessId,
        [
          'kfw-import',
          'foerderfall',
          'berichtszeitraum',
          'aenderungsmeldung',
          'widerruf',
          'snapshot',
        ],
      ],
      [isMessageName, ['applicant-registered', 'sessions-uploaded', 'change-notice-filed']],
      [isRole, ['applicant', 'case-officer', 'process-owner', 'admin', 'analyst']],
      [
        isVariableName,
        ['caseId', 'periodId', 'periodIds', 'reportId', 'importRunId', 'snapshotId', 'decision'],
      ],
      [isVariableName, ['findings', 'valid']],
      [
        isNotifyTemplate,
        ['invitation', 'reminder', 'overdue', 'rework', 'approved', 'snapshot-ready'],
      ],
      [isDecision, ['approve', 'rework']],
    ];
    for (const [guard, names] of fixed) {
      expect(names.filter((name) => !guard(name))).toEqual([]);
    }
  });
});

describe('type guards', () => {
  it.each([
    ['isJobType', isJobType, 'report-validate', 'reportValidate'],
    ['isProcessId', isProcessId, 'foerderfall', 'Foerderfall'],
    ['isMessageName', isMessageName, 'applicant-registered', 'applicantRegistered'],
    ['isNotifyTemplate', isNotifyTemplate, 'snapshot-ready', 'snapshotReady'],
    ['isDecision', isDecision, 'rework', 'REWORK'],
    ['isFormId', isFormId, 'upload-ladevorgaenge', 'toString'],
    ['isVariableName', isVariableName, 'caseId', 'case-id'],
  ] as const)('%s accepts a contract name and refuses a near miss', (_n, guard, good, bad) => {
    // given a name of the contract and one that only looks like it
    // when the guard is asked, then it tells them apart (and never accepts a non-string)
    expect(guard(good)).toBe(true);
    expect(guard(bad)).toBe(false);
    expect(guard(undefined)).toBe(false);
    expect(guard(42)).toBe(false);
  });
});

describe('messages', () => {
  it('every message caught by a running instance correlates on a variable of the contract', () => {
    // given the messages, when their correlation keys are read
    // then each is a contract variable, and every case message uses caseId (DESIGN.md)
    for (const message of Object.values(MESSAGES)) {
      if (message.correlationKey === null) continue;
      expect(isVariableName(message.correlationKey)).toBe(true);
      expect(message.correlationKey).toBe('caseId');
    }
  });

  it('names only processes of the contract', () => {
    // given the messages, when their processes are listed, then each is a known process id
    const processes = Object.values(MESSAGES).flatMap((message) => [...message.processes]);
    expect(processes.filter((id) => !isProcessId(id))).toEqual([]);
  });
});

describe('job specs', () => {
  it('describe every job type, with contract variables and headers only', () => {
    // given the job specs, when compared with the job types
    // then every job type has one and every name it uses is in the contract
    expect(Object.keys(JOB_SPECS).sort()).toEqual(Object.values(JOB_TYPES).sort());
    for (const spec of Object.values(JOB_SPECS)) {
      const variables = [...spec.inputs, ...spec.optionalInputs, ...spec.outputs];
      expect(variables.filter((name) => !isVariableName(name))).toEqual([]);
      expect(spec.headers.every((header) => Object.values(TASK_HEADERS).includes(header))).toBe(
        true,
      );
    }
  });
});

describe('forms', () => {
  it('belong to known processes and offer only known decisions', () => {
    // given the forms, when their process and decisions are checked
    // then each names a contract process and contract decisions only
    for (const [id, form] of Object.entries(FORMS)) {
      expect(isProcessId(form.process), id).toBe(true);
      expect(
        form.decisions.every((decision) => isDecision(decision)),
        id,
      ).toBe(true);
    }
  });

  it('give every process with people in it at least one form', () => {
    // given the processes, when their forms are collected, then none lacks a form
    const withForms = new Set(Object.values(FORMS).map((form) => form.process));
    expect([...withForms].sort()).toEqual(Object.values(PROCESS_IDS).sort());
  });
});

describe('case group', () => {
  const caseId = '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a';

  it('round-trips a case id', () => {
    // given a case id, when its group is built and parsed, then the same id comes back
    const group = caseGroup(caseId);
    expect(group).toBe(`case:${caseId}`);
    expect(parseCaseGroup(group)).toBe(caseId);
    expect(isCaseGroup(group)).toBe(true);
    expect(isCandidateGroup(group)).toBe(true);
  });

  it('normalises an upper-case id so the group matches the stored case', () => {
    // given an id in upper case, when built or parsed, then the lower-case form is used
    expect(caseGroup(caseId.toUpperCase())).toBe(`case:${caseId}`);
    expect(parseCaseGroup(`case:${caseId.toUpperCase()}`)).toBe(caseId);
  });

  it('matches the FEEL expression models use', () => {
    // given the FEEL expression, when read, then it is a one-element list (Zeebe 8.8 evaluates
    // candidate-group expressions to a list of strings) of the same prefix and caseId
    expect(CASE_GROUP_FEEL).toBe(`=["${CASE_GROUP_PREFIX}" + caseId]`);
  });

  it.each([
    ['', 'does not start with "case:"'],
    ['case-officer', 'does not start with "case:"'],
    [`Case:${caseId}`, 'does not start with "case:"'],
    [`case ${caseId}`, 'does not start with "case:"'],
    ['case:', 'the case id is empty'],
    ['case:42', '"42" is not a UUID'],
    [`case:${caseId} `, 'is not a UUID'],
    [`case:${caseId}x`, 'is not a UUID'],
    [`case:{${caseId}}`, 'is not a UUID'],
  ])('rejects %j with a clear error', (group, reason) => {
    // given a malformed group, when parsed, then the error names the group and what is wrong
    let error: unknown;
    try {
      parseCaseGroup(group);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedCaseGroupError);
    expect((error as MalformedCaseGroupError).code).toBe('CASE_GROUP_MALFORMED');
    expect((error as Error).message).toContain(JSON.stringify(group));
    expect((error as Error).message).toContain(reason);
    expect(isCaseGroup(group)).toBe(false);
  });

  it.each(['', '42', 'case-officer', `${caseId}-1`])('refuses to build a group from %j', (id) => {
    // given an id that is not a UUID, when a group is built, then a clear error says so
    expect(() => caseGroup(id)).toThrow(InvalidCaseIdError);
    expect(() => caseGroup(id)).toThrow(/caseId must be a UUID/);
  });

  it('role groups are candidate groups, other strings are not', () => {
    // given role groups and strings that are no group, when checked, then only groups pass
    expect(Object.values(ROLE_GROUPS).every((group) => isCandidateGroup(group))).toBe(true);
    expect(isCandidateGroup('process-owner')).toBe(false);
    expect(isCandidateGroup('applicant')).toBe(false);
  });
});

describe('docs/contract.md', () => {
  it('documents every name of the contract and every finding code of the rules', () => {
    // given the page process owners and developers read
    const docs = readFileSync(new URL('../docs/contract.md', import.meta.url), 'utf8');
    // when every name and code is looked up as `code`
    const names = [...groups.flatMap(([, list]) => list), ...Object.keys(FINDING_DEFINITIONS)];
    // then none is missing, so the page cannot silently fall behind the code
    expect(names.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });
});
