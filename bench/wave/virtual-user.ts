/**
 * One virtual user of the wave: logs in through the real OIDC redirect flow of the portal (the
 * test browser of portal/server/testing, a cookie jar over real HTTP), then, while active, works
 * like a person: dashboard, task list, open a task, save a draft, complete it, with 1 to 3 s of
 * think time between the steps. Without a task it can complete, it re-reads its task list.
 */
import { readFileSync } from 'node:fs';
import { BrowserClient, logIn } from '../../portal/server/testing/browser-client.js';
import type { RequestLog } from './request-log.js';

/** The task fields the loop needs (GET /api/tasks). */
interface TaskItem {
  key: string;
  formId: string | null;
}

const example = (form: string) =>
  JSON.parse(
    readFileSync(new URL(`../../forms/${form}.example.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

/**
 * What a person types into the forms the wave cases open: the forms' own examples. EVSE-IDs are
 * unique across the programme, so the location form goes in without them (they are optional).
 */
function formPayloads(): Record<string, Record<string, unknown>> {
  const standort = example('standort');
  const gruppen = (standort.ladesaeulengruppen as Record<string, unknown>[]).map(
    ({ evseIds: _evseIds, ...gruppe }) => gruppe,
  );
  return {
    stammdaten: example('stammdaten'),
    standort: { ...standort, ladesaeulengruppen: gruppen },
  };
}
const payloads = formPayloads();

/** Options of the virtual users. */
export interface VirtualUserOptions {
  portalUrl: string;
  password: string;
  thinkMinMs: number;
  thinkMaxMs: number;
}

/** A virtual user; `activate()` starts its loop, `deactivate()` parks it after the current step. */
export class VirtualUser {
  private readonly browser = new BrowserClient();
  private active = false;
  private wake: (() => void) | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    readonly email: string,
    private readonly options: VirtualUserOptions,
    private readonly log: RequestLog,
  ) {}

  /** Logs in; records the whole redirect flow as one login time. */
  async logIn(): Promise<void> {
    const started = performance.now();
    const at = Date.now();
    try {
      const page = await logIn(
        this.browser,
        this.options.portalUrl,
        this.email,
        this.options.password,
      );
      const ok = page.status === 200 && page.url.endsWith('/api/me');
      this.log.login(at, performance.now() - started, ok, ok ? '' : `${page.status} ${page.url}`);
      if (!ok) throw new Error(`login of ${this.email} ended at ${page.url} (${page.status})`);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('login of')))
        this.log.login(at, performance.now() - started, false, String(error));
      throw error;
    }
  }

  activate(): void {
    this.active = true;
    this.wake?.();
    this.loop ??= this.run();
  }

  deactivate(): void {
    this.active = false;
  }

  /** Stops the loop; resolves when the current step has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.active = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.active) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      await this.workOnce();
    }
  }

  private async think(): Promise<boolean> {
    const { thinkMinMs, thinkMaxMs } = this.options;
    await new Promise((resolve) =>
      setTimeout(resolve, thinkMinMs + Math.random() * (thinkMaxMs - thinkMinMs)),
    );
    return this.active && !this.stopped;
  }

  /** One round: dashboard, task list, and the task steps when there is a task to work. */
  private async workOnce(): Promise<void> {
    await this.call('dashboard', 'GET', '/api/me');
    await this.call('dashboard', 'GET', '/api/cases/mine');
    await this.call('dashboard', 'GET', '/api/tasks?limit=200&sort=dueDate');
    if (!(await this.think())) return;
    const list = (await this.call('task-list', 'GET', '/api/tasks?limit=200')) as
      { items: TaskItem[] } | undefined;
    const task = list?.items.find((t) => t.formId !== null && t.formId in payloads);
    if (!(await this.think())) return;
    if (!task) {
      await this.call('re-read', 'GET', '/api/tasks?limit=200');
      await this.think();
      return;
    }
    const data = payloads[task.formId!]!;
    if ((await this.call('open-task', 'GET', `/api/tasks/${task.key}`)) === undefined) return;
    if (!(await this.think())) return;
    // A draft is what the form autosaves half-way: the first part of the fields.
    const half = Object.fromEntries(Object.entries(data).slice(0, 2));
    await this.call('save-draft', 'PUT', `/api/tasks/${task.key}/draft`, { data: half });
    if (!(await this.think())) return;
    await this.call('complete', 'POST', `/api/tasks/${task.key}/completion`, { data });
    await this.think();
  }

  /** One request: timed and logged; the body on success, undefined on an error. */
  private async call(kind: string, method: string, path: string, body?: unknown) {
    const at = Date.now();
    const started = performance.now();
    try {
      const response = await this.browser.json(`${this.options.portalUrl}${path}`, method, body);
      const ok = response.status < 400;
      this.log.request(
        kind,
        at,
        performance.now() - started,
        ok,
        ok
          ? ''
          : `${method} ${path} ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
      );
      return ok ? (response.body ?? null) : undefined;
    } catch (error) {
      this.log.request(
        kind,
        at,
        performance.now() - started,
        false,
        `${method} ${path} ${String(error)}`,
      );
      return undefined;
    }
  }
}
