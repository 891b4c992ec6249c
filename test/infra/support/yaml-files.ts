/**
 * Reads YAML (compose files, Kubernetes manifests, the pipeline, the images list) with the `yaml`
 * package, every document of a file, reporting syntax errors with line and column. Merge keys
 * (`<<: *anchor`) are resolved as Docker Compose resolves them.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Finding } from './finding.js';

export interface YamlFile {
  file: string;
  documents: unknown[];
  errors: Finding[];
}

/** Parses YAML text; `file` is only the name used in findings. */
export function parseYaml(file: string, text: string): YamlFile {
  const documents: unknown[] = [];
  const errors: Finding[] = [];
  for (const document of parseAllDocuments(text, { merge: true, prettyErrors: true })) {
    for (const error of document.errors) {
      const at = error.linePos?.[0];
      errors.push({
        file,
        where: '',
        message: `${at ? `line ${at.line}, column ${at.col}: ` : ''}${error.message.split('\n')[0]}`,
      });
    }
    if (document.errors.length === 0) documents.push(document.toJS({ maxAliasCount: 1000 }));
  }
  return { file, documents: documents.filter((d) => d !== null && d !== undefined), errors };
}

/** Reads and parses a YAML file; `name` is the path used in findings. */
export function readYaml(path: string, name = path): YamlFile {
  return parseYaml(name, readFileSync(path, 'utf8'));
}

/** Variables of a dotenv file (`NAME=value`, comments and blank lines skipped). */
export function parseDotenv(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) variables.set(match[1]!, match[2]!.trim());
  }
  return variables;
}
