import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';

interface SnapshotFlags {
  out?: string;
  timeout: number;
}

/**
 * `now snapshot [--out DIR]`: asks the running platform for an anonymised snapshot (message
 * `snapshot-requested` starts the `snapshot` process), waits until the dump and its manifest are
 * in storage, checks the dump's SHA-256 against the manifest and copies both to `--out`.
 * The analyst's review of suppressed rows follows as a task and does not hold the download back.
 */
export function registerSnapshotCommand(program: Command, config: ConfigLoader): void {
  program
    .command('snapshot')
    .description('take an anonymised snapshot of the database through the running platform')
    .option('--out <dir>', 'copy the dump and manifest here')
    .option('--timeout <seconds>', 'give up after this long', (v) => Number.parseInt(v, 10), 1800)
    .action(async (flags: SnapshotFlags) => {
      const cfg = config();
      const { Camunda8 } = await import('@camunda8/sdk');
      const { openObjectStore, snapshotKeys } = await import('../../workers/snapshot/index.js');
      const { snapshotProgressKey } = await import('../../workers/registry/snapshot-progress.js');
      const { MESSAGES, VARIABLES } = await import('../../domain/contract.js');
      const grpcAddress = cfg.engine.grpcAddress ?? `grpc://127.0.0.1:${cfg.engine.port}`;
      const zeebe = new Camunda8({
        ZEEBE_GRPC_ADDRESS: grpcAddress,
        CAMUNDA_AUTH_STRATEGY: cfg.engine.authStrategy,
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
      } as never).getZeebeGrpcApiClient();
      const storage = openObjectStore(
        cfg.storageUrl,
        cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint } : {},
      );
      try {
        const snapshotId = `cli-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await zeebe.publishMessage({
          name: MESSAGES.snapshotRequested.name,
          correlationKey: '',
          messageId: `${MESSAGES.snapshotRequested.name}:${snapshotId}`,
          timeToLive: 0,
          variables: { [VARIABLES.snapshotId]: snapshotId },
        });
        console.log(
          `snapshot ${snapshotId} requested at ${grpcAddress}; waiting for ${storage.location}`,
        );
        const keys = snapshotKeys(snapshotId);
        const started = Date.now();
        let lastReport = started;
        let lastProgress = '';
        // Polling storage is what a CLI can do against Camunda 8 as well as the embedded engine.
        while (!(await storage.head(keys.manifest))) {
          if (Date.now() - started > flags.timeout * 1000) {
            throw new Error(
              `snapshot ${snapshotId} not ready after ${flags.timeout} s: are the workers running?`,
            );
          }
          const progress = await storage.head(snapshotProgressKey(snapshotId));
          if (progress) {
            const text = await streamToString(
              await storage.get(snapshotProgressKey(snapshotId)),
            ).catch(() => '');
            if (text && text !== lastProgress) {
              lastProgress = text;
              const p = JSON.parse(text) as {
                tablesDone: number;
                rowsDone: number;
                lastTable: string;
              };
              console.log(
                `  ${p.tablesDone} tables, ${p.rowsDone} rows anonymised (last: ${p.lastTable})`,
              );
            }
          } else if (Date.now() - lastReport >= 5000) {
            lastReport = Date.now();
            console.log(
              `  waiting for the snapshot worker (${Math.round((lastReport - started) / 1000)} s)`,
            );
          }
          await delay(250);
        }
        const manifest = JSON.parse(await streamToString(await storage.get(keys.manifest))) as {
          dump: { sha256: string; bytes: number };
          tables: { table: string; rows: number }[];
          kAnonymity: { k: number; suppressedRows: number };
        };
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `snapshot ready: ${manifest.tables.length} tables, ${rows} rows, ${manifest.dump.bytes} bytes; ` +
            `k=${manifest.kAnonymity.k}, suppressed rows: ${manifest.kAnonymity.suppressedRows}`,
        );
        if (flags.out) {
          const out = path.resolve(flags.out);
          await mkdir(out, { recursive: true });
          const dumpFile = path.join(out, path.basename(keys.dump));
          const hash = createHash('sha256');
          const source = await storage.get(keys.dump);
          source.on('data', (chunk: Buffer) => hash.update(chunk));
          await pipeline(source, createWriteStream(dumpFile));
          const sha256 = hash.digest('hex');
          if (sha256 !== manifest.dump.sha256) {
            throw new Error(
              `copied dump ${dumpFile} has SHA-256 ${sha256}, the manifest says ${manifest.dump.sha256}`,
            );
          }
          await pipeline(
            await storage.get(keys.manifest),
            createWriteStream(path.join(out, path.basename(keys.manifest))),
          );
          console.log(
            `copied to ${out}: ${path.basename(keys.dump)} (SHA-256 checked), ${path.basename(keys.manifest)}`,
          );
        }
      } finally {
        await zeebe.close();
        await storage.close();
      }
    });
}

async function streamToString(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
