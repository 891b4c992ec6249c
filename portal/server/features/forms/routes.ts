/**
 * Forms: `GET /api/forms` (every form with its newest version), `GET /api/forms/:formId` (schema,
 * UI schema and version that new tasks render), `GET /api/forms/:formId/versions`, and
 * `POST /api/forms/:formId/versions` (a new version; it must compile as JSON Schema 2020-12,
 * problems by JSON pointer). Process owners save; process owners and admins read.
 */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import type { Principal } from '../../http/principal.js';
import type { FormRegistry } from './form-registry.js';

const readers = ['process-owner', 'admin'] as const;
const formId = z.object({
  formId: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    .max(64),
});
const jsonObject = z.record(z.string(), z.unknown());
const versionMeta = {
  formId: z.string(),
  version: z.number(),
  note: z.string().nullable(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
};
const versionSchema = z.object({ ...versionMeta, schema: jsonObject, ui: jsonObject.nullable() });

/** The routes of this feature. */
export function formRoutes(
  forms: FormRegistry,
  audit: (
    principal: Principal,
    formId: string,
    version: number,
    requestId: string,
  ) => Promise<void>,
): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/forms',
      summary: 'Alle Formulare mit ihrer neuesten Version',
      tags: ['Formulare'],
      access: { roles: readers },
      response: z.array(
        z.object({
          formId: z.string(),
          version: z.number(),
          title: z.string().nullable(),
          savedAt: z.string().nullable(),
        }),
      ),
      handle: () => forms.list(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/forms/:formId',
      summary: 'Ein Formular: JSON Schema, UI-Schema und Version (die neue Aufgaben zeigen)',
      tags: ['Formulare'],
      access: { roles: readers },
      params: formId,
      response: versionSchema,
      handle: ({ params }) => forms.current(params.formId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/forms/:formId/versions',
      summary: 'Die Versionen eines Formulars, neueste zuerst (0: die Datei in forms/)',
      tags: ['Formulare'],
      access: { roles: readers },
      params: formId,
      response: z.array(z.object(versionMeta)),
      handle: ({ params }) => forms.versions(params.formId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/forms/:formId/versions',
      summary: 'Neue Formularversion speichern (muss als JSON Schema 2020-12 kompilieren)',
      description:
        'Gilt sofort für neu geöffnete Aufgaben und jede Abgabe. Probleme des Schemas kommen als ' +
        '`FORM_SCHEMA_INVALID` mit `errors[].path` (JSON-Pointer unter `/body/schema`).',
      tags: ['Formulare'],
      access: { roles: ['process-owner'] },
      params: formId,
      body: z.object({
        schema: jsonObject,
        ui: jsonObject.nullable().default(null),
        note: z.string().trim().max(2000).nullable().default(null),
      }),
      successStatus: 201,
      response: versionSchema,
      handle: async ({ principal, params, body, requestId }) => {
        const saved = await forms.save(principal!.subject, params.formId, body);
        await audit(principal!, saved.formId, saved.version, requestId);
        return saved;
      },
    }),
  ];
}
