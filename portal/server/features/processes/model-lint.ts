/**
 * Lints an uploaded BPMN model with the rules the project's own models pass: bpmnlint's
 * recommended set and Camunda 8.8's compatibility rules, read from `processes/.bpmnlintrc` (the
 * file the bpmnlint CLI and editors use). Parsing errors and lint errors come back as problems
 * with the element id, so a process owner sees what to fix where.
 *
 * @example
 *   const problems = await lintModel(xml);
 *   if (problems.some((p) => p.category === 'error')) ...
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** One finding: the element it concerns (when known), the rule, the message. */
export interface ModelProblem {
  elementId: string | null;
  rule: string;
  category: 'error' | 'warn';
  message: string;
}

const config = JSON.parse(
  readFileSync(new URL('../../../../processes/.bpmnlintrc', import.meta.url), 'utf8'),
) as { extends: string[]; rules?: Record<string, unknown> };

interface ModdleCtor {
  new (packages: Record<string, unknown>): {
    fromXML(xml: string): Promise<{
      rootElement: unknown;
      warnings: { message: string; element?: { id?: string } }[];
    }>;
  };
}

/** Parses and lints `xml`; an unreadable file is one problem with rule `parse`. */
export async function lintModel(xml: string): Promise<ModelProblem[]> {
  // bpmn-moddle 10 exports its constructor by name only (no entry typings).
  const { BpmnModdle } = (await import('bpmn-moddle')) as unknown as { BpmnModdle: ModdleCtor };
  let parsed;
  try {
    parsed = await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml);
  } catch (error) {
    return [
      { elementId: null, rule: 'parse', category: 'error', message: (error as Error).message },
    ];
  }
  const problems: ModelProblem[] = parsed.warnings.map((warning) => ({
    elementId: warning.element?.id ?? null,
    rule: 'parse',
    category: 'error',
    message: warning.message,
  }));
  const linter = new Linter({
    config: { extends: config.extends, rules: config.rules ?? {} },
    resolver: new NodeResolver({ require: createRequire(import.meta.url) }),
  });
  const reports = await linter.lint(parsed.rootElement);
  for (const [rule, findings] of Object.entries(reports)) {
    for (const finding of findings) {
      problems.push({
        elementId: finding.id ?? null,
        rule,
        category: finding.category === 'warn' || finding.category === 'info' ? 'warn' : 'error',
        message: finding.message,
      });
    }
  }
  return problems;
}
