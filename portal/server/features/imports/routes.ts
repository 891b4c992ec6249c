/**
 * KfW files for admins: `POST /api/imports` (multipart upload of the KfW file into the storage
 * inbox, which starts the import process), `GET /api/imports` (runs; `hash` finds the run of an
 * upload), `GET /api/imports/:runId` (progress and rejected rows), `GET
 * /api/imports/:runId/report` (the row report as xlsx), and `GET /api/exports/kfw` (the export
 * for KfW as xlsx or CSV).
 */
import { z } from 'zod';
import { writeKfwExport, type Database } from '../../../../domain/index.js';
import { RequestInvalidError } from '../../http/portal-errors.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { UploadedFile } from './multipart-upload.js';
import type { ImportService } from './service.js';

const admins = ['admin'] as const;
const page = {
  from: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Content-Disposition` for a download, with a UTF-8 name (RFC 6266) and an ASCII fallback. */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The routes of this feature. */
export function importRoutes(imports: ImportService, db: Database): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/imports',
      summary: 'KfW-Datei hochladen (multipart/form-data, Feld `file`); startet den Import',
      description:
        'Die Datei kommt in den Eingang `kfw-inbox/` des Speichers; der Import-Prozess startet von ' +
        'dort. Antwort: SHA-256 der Datei und der Link auf ihren Importlauf (`runs`).',
      tags: ['KfW-Import'],
      access: { roles: admins },
      body: z.object({ file: z.instanceof(UploadedFile).optional() }),
      multipartFile: 'file',
      successStatus: 202,
      response: z.object({
        fileKey: z.string(),
        sha256: z.string(),
        bytes: z.number(),
        runs: z.string(),
      }),
      handle: ({ principal, body, requestId }) => {
        if (!body.file)
          throw new RequestInvalidError([
            { path: '/body/file', message: 'multipart/form-data mit einer Datei im Feld "file"' },
          ]);
        return imports.upload(principal!, body.file, requestId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports',
      summary: 'Importläufe, neueste zuerst (optional nach Datei-Hash)',
      tags: ['KfW-Import'],
      access: { roles: admins },
      query: z.object({
        hash: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        ...page,
      }),
      handle: ({ query }) => imports.list(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/:runId',
      summary: 'Ein Importlauf: Fortschritt (Zeilen erledigt/gesamt) und abgelehnte Zeilen',
      tags: ['KfW-Import'],
      access: { roles: admins },
      params: z.object({ runId: z.uuid() }),
      query: z.object(page),
      handle: ({ params, query }) => imports.run(params.runId, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/:runId/report',
      summary: 'Zeilenbericht eines Importlaufs (xlsx)',
      tags: ['KfW-Import'],
      access: { roles: admins },
      params: z.object({ runId: z.uuid() }),
      handle: async ({ params }) => ({
        runId: params.runId,
        name: await imports.assertRun(params.runId),
      }),
      present: ({ runId, name }) => ({
        headers: {
          'Content-Disposition': attachment(`zeilenbericht-${name.replace(/\.xlsx$/i, '')}.xlsx`),
        },
        stream: {
          contentType: xlsxType,
          write: async (out) => {
            await imports.writeReport(runId, out as never);
          },
        },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/exports/kfw',
      summary: 'Export für die KfW (xlsx oder CSV): Reporting-ID, Status, Ladepunkte je Antrag',
      tags: ['KfW-Import'],
      access: { roles: admins },
      query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      handle: ({ query }) => query.format,
      present: (format) => ({
        headers: {
          'Content-Disposition': attachment(
            `kfw-export-${new Date().toISOString().slice(0, 10)}.${format}`,
          ),
        },
        stream: {
          contentType: format === 'csv' ? 'text/csv; charset=utf-8' : xlsxType,
          write: async (out) => {
            await writeKfwExport(db.sequelize, { format }, out as never);
          },
        },
      }),
    }),
  ];
}
