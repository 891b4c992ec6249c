/**
 * Resident memory of a process and all its descendants, read from /proc (Linux): the platform
 * is `now start` and whatever it spawns, and its footprint is the sum. Hand-written because the
 * npm packages for this (pidusage, ps-tree) shell out to `ps` once per call, which at one sample
 * a second would itself load the machine being measured.
 */
import { readdir, readFile } from 'node:fs/promises';

async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may contain spaces: the fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

async function rssKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // ended between listing and reading
  }
}

/** The summed RSS in MB of `root` and every descendant (0 when it has ended). */
export async function processTreeRssMb(root: number): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map<number, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const parent = await parentOf(pid);
      if (parent !== undefined) parents.set(pid, parent);
    }),
  );
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  const kb = await Promise.all([...tree].map(rssKb));
  return kb.reduce((a, b) => a + b, 0) / 1024;
}
