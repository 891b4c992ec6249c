/**
 * Reads a Terraform tree (modules/ and envs/<stage>/) offline: every `.tf` and `.tfvars` file is
 * parsed with `@cdktf/hcl2json` (HashiCorp's own HCL parser compiled to WebAssembly), which
 * reports syntax errors with line and column. Terraform itself cannot run here.
 *
 * @example
 *   const tree = await loadTerraformTree('infra/terraform');
 *   tree.parseErrors; // [{ file: 'envs/dev/main.tf', where: '', message: '12,3-4: ...' }]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import type { Finding } from './finding.js';

/** A block body as hcl2json gives it: attributes, and nested blocks as arrays of bodies. */
export type HclBody = Record<string, unknown>;

/** One Terraform directory (a module or a stage) with its parsed files. */
export interface TerraformDir {
  /** Relative to the tree's root, e.g. `modules/storage` or `envs/dev`. */
  dir: string;
  files: { file: string; body: HclBody }[];
  /** `terraform.tfvars`, when the directory has one. */
  tfvars?: { file: string; body: HclBody };
}

/** A block of a directory with the file it is written in. */
export interface LocatedBlock {
  file: string;
  /** `aws_s3_bucket.platform`, `module.storage`, `var.stage`, `provider.aws`. */
  address: string;
  type: string;
  name: string;
  body: HclBody;
}

/** Every directory of a tree with its parsed files, and the files that did not parse. */
export interface TerraformTree {
  root: string;
  dirs: Map<string, TerraformDir>;
  parseErrors: Finding[];
}

const posix = (p: string) => p.split(path.sep).join('/');

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.tf') || entry.name.endsWith('.tfvars')) yield full;
  }
}

/** Parses every `.tf` and `.tfvars` file under `root`; unparsable files become findings. */
export async function loadTerraformTree(root: string): Promise<TerraformTree> {
  const tree: TerraformTree = { root, dirs: new Map(), parseErrors: [] };
  // One file at a time: the WebAssembly parser is a single Go runtime.
  for (const full of [...walk(root)].sort()) {
    const file = posix(path.relative(root, full));
    const dir = posix(path.dirname(file));
    let body: HclBody;
    try {
      body = (await parse(file, readFileSync(full, 'utf8'))) as HclBody;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // "parse config: [envs/dev/main.tf:12,3-4: Invalid expression; ...]" -> "line 12,3-4: ..."
      const message = text
        .replace(/^parse config: \[/, '')
        .replace(/\]$/, '')
        .replace(`${file}:`, 'line ');
      tree.parseErrors.push({ file, where: '', message });
      continue;
    }
    const entry = tree.dirs.get(dir) ?? { dir, files: [] };
    if (file.endsWith('.tfvars')) entry.tfvars = { file, body };
    else entry.files.push({ file, body });
    tree.dirs.set(dir, entry);
  }
  return tree;
}

function asBodies(value: unknown): HclBody[] {
  if (Array.isArray(value))
    return value.filter((v): v is HclBody => typeof v === 'object' && v !== null);
  return typeof value === 'object' && value !== null ? [value as HclBody] : [];
}

/** Nested blocks of a body (`ingress`, `rule`, `default_tags`, ...), dynamic ones excluded. */
export function nested(body: HclBody, name: string): HclBody[] {
  return asBodies(body[name]);
}

/** `resource` and `data` blocks with two labels (type and name). */
export function resources(
  dir: TerraformDir,
  kind: 'resource' | 'data' = 'resource',
): LocatedBlock[] {
  const found: LocatedBlock[] = [];
  for (const { file, body } of dir.files) {
    const byType = (body[kind] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, byName] of Object.entries(byType)) {
      for (const [name, blocks] of Object.entries(byName)) {
        for (const block of asBodies(blocks)) {
          const address = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
          found.push({ file, address, type, name, body: block });
        }
      }
    }
  }
  return found;
}

/** Blocks with one label: `module`, `variable`, `output`, `provider`. */
export function labelled(
  dir: TerraformDir,
  kind: 'module' | 'variable' | 'output' | 'provider',
): LocatedBlock[] {
  const prefix = { module: 'module.', variable: 'var.', output: 'output.', provider: 'provider.' }[
    kind
  ];
  const found: LocatedBlock[] = [];
  for (const { file, body } of dir.files) {
    for (const [name, blocks] of Object.entries((body[kind] ?? {}) as Record<string, unknown>)) {
      for (const block of asBodies(blocks))
        found.push({ file, address: `${prefix}${name}`, type: kind, name, body: block });
    }
  }
  return found;
}

/** The `terraform { }` blocks of a directory. */
export function terraformBlocks(dir: TerraformDir): { file: string; body: HclBody }[] {
  return dir.files.flatMap(({ file, body }) =>
    asBodies(body.terraform).map((b) => ({ file, body: b })),
  );
}

/** Every string anywhere inside a value (expressions come out of hcl2json as `${...}` strings). */
export function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) yield* strings(item);
}

/** Names after `prefix.` in the expressions of a value, e.g. `var` gives the variables used. */
export function referencedNames(value: unknown, prefix: string): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`(?<![\\w.])${prefix}\\.([A-Za-z_][\\w-]*)`, 'g');
  for (const text of strings(value)) {
    // Only strings with an interpolation are expressions; a literal "var.x" is just text.
    if (!text.includes('${')) continue;
    for (const match of text.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

/** The directories under `envs/`: one per stage. */
export function stages(tree: TerraformTree): TerraformDir[] {
  return [...tree.dirs.values()].filter((d) => /^envs\/[^/]+$/.test(d.dir));
}

/** The directory a module call's `source` points to, relative to the root. */
export function moduleDir(from: string, source: string): string {
  return posix(path.posix.normalize(path.posix.join(from, source)));
}
