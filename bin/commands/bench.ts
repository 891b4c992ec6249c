import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Command } from 'commander';

const benchDir = fileURLToPath(new URL('../../bench/', import.meta.url));

/** A benchmark module in bench/ exports `run(args)`, prints its table and writes its JSON. */
interface BenchModule {
  run(args: string[]): Promise<unknown>;
}

/** Names of the benchmarks in bench/ (`bench/<name>.ts` with a `run` export). */
export function availableBenchmarks(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
}

/** `now bench <name> [args...]` (also `npm run bench -- <name>`). */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('run a benchmark from bench/ and write bench/results/<name>.json')
    .argument('[name]', 'benchmark name; without it, the list')
    .argument('[args...]', 'passed to the benchmark')
    // Options after the name (`wave --peak 200`) belong to the benchmark.
    .allowUnknownOption()
    .action(async (name: string | undefined, args: string[]) => {
      const names = availableBenchmarks();
      if (!name) {
        console.log(names.length ? `benchmarks: ${names.join(', ')}` : 'no benchmarks yet');
        return;
      }
      const file = path.join(benchDir, `${name}.ts`);
      if (!names.includes(name) || !existsSync(file)) {
        throw new Error(`unknown benchmark "${name}"; available: ${names.join(', ') || 'none'}`);
      }
      const mod = (await import(pathToFileURL(file).href)) as Partial<BenchModule>;
      if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
      await mod.run(args);
    });
}
