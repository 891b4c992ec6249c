/**
 * Snapshots for analysts (and admins): `POST /api/snapshots` (start), `GET /api/snapshots`
 * (finished and running), `GET /api/snapshots/:snapshotId` (progress or summary), `GET
 * /api/snapshots/:snapshotId/dump` (the anonymised dump, `.sql.gz`, streamed from storage).
 */
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { attachment } from '../imports/routes.js';
import { SNAPSHOT_ID, type SnapshotService } from './service.js';

const analysts = ['analyst', 'admin'] as const;
const id = z.object({ snapshotId: z.string().regex(SNAPSHOT_ID) });

/** The routes of this feature. */
export function snapshotRoutes(snapshots: SnapshotService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/snapshots',
      summary: 'Anonymisierten Snapshot anfordern (startet den Snapshot-Prozess)',
      tags: ['Snapshots'],
      access: { roles: analysts },
      successStatus: 202,
      response: z.object({ snapshotId: z.string() }),
      handle: ({ principal, requestId }) => snapshots.start(principal!, requestId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/snapshots',
      summary: 'Fertige und laufende Snapshots',
      tags: ['Snapshots'],
      access: { roles: analysts },
      handle: () => snapshots.list(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/snapshots/:snapshotId',
      summary: 'Fortschritt (Tabellen, Zeilen) oder Zusammenfassung eines Snapshots',
      tags: ['Snapshots'],
      access: { roles: analysts },
      params: id,
      handle: ({ params }) => snapshots.progress(params.snapshotId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/snapshots/:snapshotId/dump',
      summary: 'Den Dump eines fertigen Snapshots herunterladen (.sql.gz)',
      tags: ['Snapshots'],
      access: { roles: analysts },
      params: id,
      handle: async ({ params }) => ({
        snapshotId: params.snapshotId,
        ...(await snapshots.assertDump(params.snapshotId)),
      }),
      present: ({ snapshotId, bytes }) => ({
        headers: {
          'Content-Disposition': attachment(`${snapshotId}.sql.gz`),
          'Content-Length': String(bytes),
        },
        stream: {
          contentType: 'application/gzip',
          write: async (out) => {
            await pipeline(await snapshots.open(snapshotId), out);
          },
        },
      }),
    }),
  ];
}
