import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Linter, type LintReport } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

/**
 * The rules our models must pass, read from `processes/.bpmnlintrc` (the file the bpmnlint CLI
 * and editors use): bpmnlint's recommended set and Camunda 8.8's compatibility rules.
 */
export const LINT_CONFIG = JSON.parse(
  readFileSync(new URL('../.bpmnlintrc', import.meta.url), 'utf8'),
) as { extends: string[]; rules?: Record<string, unknown> };

/** One lint finding with the rule that raised it. */
export interface LintFinding extends LintReport {
  readonly rule: string;
}

/**
 * Lints parsed definitions (parse with the Zeebe extension first, as camunda-compat requires).
 *
 * @example
 *   const findings = await lintDefinitions(model.definitions);
 *   findings.filter((finding) => finding.category === 'error');
 */
export async function lintDefinitions(definitions: unknown): Promise<LintFinding[]> {
  const linter = new Linter({
    config: { extends: LINT_CONFIG.extends, rules: LINT_CONFIG.rules ?? {} },
    resolver: new NodeResolver({ require: createRequire(import.meta.url) }),
  });
  const reports = await linter.lint(definitions);
  return Object.entries(reports).flatMap(([rule, findings]) =>
    findings.map((finding) => ({ ...finding, rule })),
  );
}
