// bpmnlint 11 ships typings for its rule API (`bpmnlint/lib/types`), not for its entry or its
// resolver; this declares the part the model checks use.
declare module 'bpmnlint' {
  /** One finding of a rule. */
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    path?: string[];
  }
  export interface LinterOptions {
    config: { extends?: string | string[]; rules?: Record<string, unknown> };
    resolver: unknown;
  }
  export class Linter {
    constructor(options: LinterOptions);
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver.js' {
  export default class NodeResolver {
    constructor(options?: { require?: NodeJS.Require });
  }
}
