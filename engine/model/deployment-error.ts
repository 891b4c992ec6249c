/** One reason a resource cannot be deployed, located by resource and element id. */
export interface DeploymentProblem {
  readonly resourceName: string;
  /** The offending element, or undefined for a problem with the whole resource. */
  readonly elementId?: string;
  readonly message: string;
}

/**
 * A deployment was rejected. Carries every problem found (not just the first), so a modeller
 * fixes them in one round. Code INVALID_ARGUMENT, as Zeebe answers an invalid DeployResource.
 */
export class DeploymentError extends Error {
  readonly code = 'INVALID_ARGUMENT' as const;
  readonly problems: readonly DeploymentProblem[];

  constructor(problems: readonly DeploymentProblem[]) {
    super(
      `Deployment rejected:\n${problems
        .map(
          (p) =>
            `- ${p.resourceName}${p.elementId ? ` element '${p.elementId}'` : ''}: ${p.message}`,
        )
        .join('\n')}`,
    );
    this.name = 'DeploymentError';
    this.problems = problems;
  }
}
