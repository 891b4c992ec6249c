import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Camunda8 } from '@camunda8/sdk';

const processesDir = fileURLToPath(new URL('../processes/', import.meta.url));

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** What happened to one model file at start-up. */
export interface ModelDeployment {
  file: string;
  processId: string;
  outcome: 'deployed' | 'already-deployed';
  version?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Deploys each model in processes/ whose content (SHA-256) was never deployed before, under any
 * version. A restart therefore never overwrites what a process owner deployed since: their
 * version stays the latest unless a release brings a model file with new content.
 * Works against the embedded engine and Camunda 8 alike (gRPC deploy, REST search and XML).
 */
export async function deployModels(zeebe: Zeebe, restAddress: string): Promise<ModelDeployment[]> {
  const files = (await readdir(processesDir)).filter((file) => file.endsWith('.bpmn')).sort();
  const results: ModelDeployment[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(processesDir, file), 'utf8');
    const processId = file.replace(/\.bpmn$/, '');
    const known = await deployedChecksums(restAddress, processId);
    if (known.has(sha256(xml))) {
      results.push({ file, processId, outcome: 'already-deployed' });
      continue;
    }
    const response = await zeebe.deployResource({ name: file, process: Buffer.from(xml) });
    const version = response.deployments.find((d) => d.process)?.process?.version;
    results.push({ file, processId, outcome: 'deployed', ...(version ? { version } : {}) });
  }
  return results;
}

/** SHA-256 of the XML of every deployed version of a process. */
async function deployedChecksums(restAddress: string, processId: string): Promise<Set<string>> {
  const base = restAddress.replace(/\/$/, '');
  const checksums = new Set<string>();
  let from = 0;
  for (;;) {
    const response = await fetch(`${base}/v2/process-definitions/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        filter: { processDefinitionId: processId },
        page: { from, limit: 100 },
      }),
    });
    if (!response.ok)
      throw new Error(`searching deployed versions of ${processId}: HTTP ${response.status}`);
    const page = (await response.json()) as { items: { processDefinitionKey: string }[] };
    for (const item of page.items) {
      const xml = await fetch(`${base}/v2/process-definitions/${item.processDefinitionKey}/xml`);
      if (!xml.ok)
        throw new Error(
          `reading the XML of ${processId} (${item.processDefinitionKey}): HTTP ${xml.status}`,
        );
      checksums.add(sha256(await xml.text()));
    }
    if (page.items.length < 100) return checksums;
    from += 100;
  }
}
