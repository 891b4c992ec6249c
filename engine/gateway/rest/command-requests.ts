import { z } from 'zod';
import { invalidField, notSupported } from './problem-details.js';
import { MAX_NAME_CHARACTERS } from '../request-fields.js';

/**
 * Request bodies of the command endpoints, as Camunda 8.8's REST API defines them. Parsed at the
 * edge; a bad field is answered with a problem that names it.
 */

const keyString = z
  .union([
    z.string().regex(/^\d{1,19}$/, 'expected a key (int64 as a string)'),
    z.number().int().positive(),
  ])
  .transform(String);
/** int64 fields (durations, timestamps) arrive as numbers or, from the SDK, as numeric strings. */
const int64 = z
  .union([z.number().int(), z.string().regex(/^-?\d{1,19}$/, 'expected an integer')])
  .transform(Number)
  .pipe(z.number().int().min(0, 'expected zero or more'));
const variables = z.record(z.string(), z.unknown());
const tenantId = z.string().optional();
const emptyList = (field: string) =>
  z
    .array(z.unknown())
    .optional()
    .refine((v) => !v || v.length === 0, {
      message: `${field} are not served by the embedded engine`,
    });

/** `POST /v2/process-instances` (by id or by key). */
export const createProcessInstanceRequest = z
  .object({
    processDefinitionId: z.string().min(1).optional(),
    processDefinitionVersion: z.number().int().optional(),
    processDefinitionKey: keyString.optional(),
    variables: variables.optional(),
    tenantId,
    operationReference: z.union([z.number(), z.string()]).optional(),
    startInstructions: emptyList('startInstructions'),
    runtimeInstructions: emptyList('runtimeInstructions'),
    tags: emptyList('tags'),
    awaitCompletion: z.boolean().optional(),
    fetchVariables: z.array(z.string()).optional(),
    requestTimeout: int64.optional(),
  })
  .strict()
  .refine((r) => (r.processDefinitionId === undefined) !== (r.processDefinitionKey === undefined), {
    message: 'expected exactly one of processDefinitionId and processDefinitionKey',
    path: ['processDefinitionId'],
  });

/** `POST /v2/process-instances/{key}/cancellation` and `POST /v2/incidents/{key}/resolution`. */
export const operationRequest = z
  .object({ operationReference: z.union([z.number(), z.string()]).optional() })
  .strict()
  .nullable()
  .optional();

/** `PUT /v2/element-instances/{key}/variables`. */
export const setVariablesRequest = z
  .object({
    variables,
    local: z.boolean().optional(),
    operationReference: z.union([z.number(), z.string()]).optional(),
  })
  .strict();

/** `POST /v2/user-tasks/{key}/assignment`. */
export const assignmentRequest = z
  .object({
    assignee: z.string().min(1),
    allowOverride: z.boolean().nullable().optional(),
    action: z.string().nullable().optional(),
  })
  .strict();

/** `POST /v2/user-tasks/{key}/completion`. */
export const completionRequest = z
  .object({ variables: variables.nullable().optional(), action: z.string().nullable().optional() })
  .strict()
  .nullable()
  .optional();

/** A message name: set, and no longer than the gRPC gateway accepts. */
const messageName = z.string().min(1).max(MAX_NAME_CHARACTERS);

/** `POST /v2/messages/publication`. */
export const publicationRequest = z
  .object({
    name: messageName,
    correlationKey: z.string().max(MAX_NAME_CHARACTERS).optional(),
    timeToLive: int64.optional(),
    messageId: z.string().max(MAX_NAME_CHARACTERS).optional(),
    variables: variables.optional(),
    tenantId,
  })
  .strict();

/** `POST /v2/messages/correlation`. */
export const correlationRequest = z
  .object({
    name: messageName,
    correlationKey: z.string().max(MAX_NAME_CHARACTERS).optional(),
    variables: variables.optional(),
    tenantId,
  })
  .strict();

/** `PUT /v2/clock`. */
export const clockPinRequest = z.object({ timestamp: int64 }).strict();

/** Parses a body with a schema; the first issue becomes a problem naming its field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
  if (issue.message.includes('not served')) throw notSupported(field, issue.message);
  const unknownKeys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  throw invalidField(field, `${issue.message}${unknownKeys}`);
}

/** Refuses any tenant but the default one, as a single-tenant Camunda does. */
export function defaultTenant(value: string | undefined): void {
  if (value !== undefined && value !== '<default>' && value !== '')
    throw invalidField(
      'tenantId',
      `the embedded engine has only the tenant '<default>', got '${value}'`,
    );
}
