/**
 * The load generator's record of every request and login: start time (epoch ms), duration,
 * outcome. Kept compact (one array per entry) because a full wave makes tens of thousands.
 */

/** One request: [kind, start epoch ms, duration ms, ok]. */
export type RequestEntry = [kind: string, at: number, ms: number, ok: boolean];

/** The log as the generator writes it and the benchmark reads it. */
export interface RequestLogData {
  requests: RequestEntry[];
  logins: RequestEntry[];
  /** The first failures, for the report (status and body excerpt). */
  errorSamples: string[];
}

/** Collects entries in memory. */
export class RequestLog {
  readonly data: RequestLogData = { requests: [], logins: [], errorSamples: [] };

  request(kind: string, at: number, ms: number, ok: boolean, error: string): void {
    this.data.requests.push([kind, at, Math.round(ms * 10) / 10, ok]);
    if (!ok) this.sample(error);
  }

  login(at: number, ms: number, ok: boolean, error: string): void {
    this.data.logins.push(['login', at, Math.round(ms * 10) / 10, ok]);
    if (!ok) this.sample(`login: ${error}`);
  }

  private sample(error: string): void {
    if (this.data.errorSamples.length < 20) this.data.errorSamples.push(error);
  }
}
