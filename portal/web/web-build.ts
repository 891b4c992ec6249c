/**
 * Builds the web front end with Vite when its output is missing or older than its sources, so a
 * fresh clone needs only `npm install && npm start` (`prestart` runs this file) and the browser
 * suite and `npm run bench -- web` always test what is in the tree. `--force` builds anyway
 * (`npm run build:web`).
 *
 * @example
 *   const { outDir, built } = await ensureWebBuild();
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = path.resolve(webDir, '../..');

/** Where the build lands: the portal server serves this folder at `/`. */
export const webOutDir = path.join(repoDir, 'dist', 'web');

/** Newest modification time of a file or, recursively, of a folder's files. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  );
}

/** True when `dist/web/index.html` is missing or older than a source, the config or the lock file. */
export function webBuildIsStale(): boolean {
  const built = newestMtime(path.join(webOutDir, 'index.html'));
  if (!built) return true;
  const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) =>
    newestMtime(path.join(webDir, p)),
  );
  return Math.max(...sources, newestMtime(path.join(repoDir, 'package-lock.json'))) > built;
}

/** Runs `vite build` when needed (or always with `force`). */
export async function ensureWebBuild(
  options: { force?: boolean; quiet?: boolean } = {},
): Promise<{ outDir: string; built: boolean }> {
  if (!options.force && !webBuildIsStale()) return { outDir: webOutDir, built: false };
  // Imported here so that starting an already built portal does not load the bundler.
  const { build } = await import('vite');
  await build({
    configFile: path.join(webDir, 'vite.config.ts'),
    logLevel: options.quiet ? 'warn' : 'info',
  });
  return { outDir: webOutDir, built: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const { built } = await ensureWebBuild({ force, quiet: !force });
  if (!built) console.log('web front end is up to date (dist/web/)');
}
