/**
 * What an infrastructure check reports: the file, the thing in it (a Terraform address such as
 * `aws_s3_bucket.platform`, a compose service, a Kubernetes object) and what is wrong.
 */
export interface Finding {
  /** Path relative to the checked root, with forward slashes. */
  file: string;
  /** Terraform address, service or object name; empty when the whole file is meant. */
  where: string;
  message: string;
}

/** One line per finding, for test failure messages that say where to look. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}${f.where ? ` ${f.where}` : ''}: ${f.message}`).join('\n');
}
