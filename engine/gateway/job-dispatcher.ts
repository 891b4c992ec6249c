import type { ActivateJobsInput, ActivatedJob, GatewayEngine } from './gateway-engine.js';

/** What the dispatcher reports, so metrics stay out of its logic. */
export interface DispatchObserver {
  /** Jobs handed to a worker, with the ms since jobs of the type were announced (0 if they were waiting already). */
  jobsActivated(type: string, count: number, latencyMs: number): void;
  /** An activation for a waiting worker failed unexpectedly (the jobs stay activatable). */
  activationFailed?(type: string, error: unknown): void;
}

/** Most jobs one activation hands to each stream of a group (the SDK's default batch). */
const STREAM_BATCH = 32;

/** A push stream of one worker (StreamActivatedJobs). */
export interface JobStream {
  /** Stops pushing to this stream. */
  close(): void;
}

interface PendingPoll {
  input: ActivateJobsInput;
  /** Answers the poll; false when it was answered already (timed out, aborted, closed). */
  settle(jobs: ActivatedJob[]): boolean;
}

interface OpenStream {
  input: ActivateJobsInput;
  /** Sends a job; false when the stream can no longer take it. */
  push(job: ActivatedJob): boolean;
}

/** Per job type: who waits for its jobs. */
interface TypeQueue {
  unsubscribe: () => void;
  polls: PendingPoll[];
  streams: OpenStream[];
  /** Round-robin position among the streams, so several streams of a type share the work. */
  next: number;
  /** Which group of alike streams goes first in the next round. */
  turn: number;
  /** Bumped on every announcement; a poll that saw nothing retries if it moved meanwhile. */
  generation: number;
  /** When jobs of the type were first announced and not yet all handed out (for the latency metric). */
  announcedAt: number | null;
  draining: boolean;
  drainAgain: boolean;
}

/**
 * Hands activatable jobs to waiting workers: long-polling `ActivateJobs` requests and pushed
 * `StreamActivatedJobs` streams. It wakes on the engine's announcement that jobs of a type may be
 * activatable (a new job, a failure with retries left, a back-off or time-out that ran out), so a
 * waiting worker gets its job at once instead of at its next poll. Streams are served first (as
 * Zeebe pushes to streams before polls see a job), round-robin among the streams of a type.
 */
export class JobDispatcher {
  readonly #engine: GatewayEngine;
  readonly #observer: DispatchObserver;
  readonly #now: () => number;
  readonly #queues = new Map<string, TypeQueue>();
  #closed = false;

  constructor(
    engine: GatewayEngine,
    observer: DispatchObserver,
    now: () => number = () => performance.now(),
  ) {
    this.#engine = engine;
    this.#observer = observer;
    this.#now = now;
  }

  /**
   * Activates jobs for a request. With `waitMs` > 0 and no job at hand, waits until a job of the
   * type becomes activatable, the wait ends, `signal` aborts (the client went away) or the
   * dispatcher closes; then answers with what it has (possibly nothing).
   */
  async activate(
    input: ActivateJobsInput,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<ActivatedJob[]> {
    const queue = this.#queue(input.type);
    for (;;) {
      const seen = queue.generation;
      const jobs = await this.#engine.activateJobs(input);
      if (jobs.length > 0) {
        this.#delivered(queue, input.type, jobs.length);
        return jobs;
      }
      if (waitMs <= 0 || this.#closed || signal?.aborted) return [];
      if (queue.generation === seen) break;
    }
    return new Promise<ActivatedJob[]>((resolve) => {
      let settled = false;
      const poll: PendingPoll = {
        input,
        settle: (jobs) => {
          if (settled) return false;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const index = queue.polls.indexOf(poll);
          if (index >= 0) queue.polls.splice(index, 1);
          resolve(jobs);
          return true;
        },
      };
      const onAbort = (): void => void poll.settle([]);
      const timer = setTimeout(() => void poll.settle([]), waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.polls.push(poll);
    });
  }

  /** Opens a push stream: every job of the type that becomes activatable may be pushed to it. */
  openStream(
    input: Omit<ActivateJobsInput, 'maxJobsToActivate'>,
    push: (job: ActivatedJob) => boolean,
  ): JobStream {
    const queue = this.#queue(input.type);
    const stream: OpenStream = { input: { ...input, maxJobsToActivate: 1 }, push };
    queue.streams.push(stream);
    // Jobs that were waiting before the stream opened are pushed too, as Zeebe does.
    this.#announce(input.type);
    return {
      close: () => {
        const index = queue.streams.indexOf(stream);
        if (index >= 0) queue.streams.splice(index, 1);
      },
    };
  }

  /**
   * Makes jobs activatable again that were activated for a worker who is gone (its request
   * ended while the activation ran): failed with their retries unchanged and no back-off, as
   * Zeebe's gateway does, so they are not stuck until their time-out.
   */
  async giveBack(jobs: readonly ActivatedJob[]): Promise<void> {
    for (const job of jobs) {
      try {
        await this.#engine.failJob({
          jobKey: job.key,
          retries: job.retries,
          retryBackOff: 0,
          errorMessage:
            'The job could not be handed to its worker (the request ended before); it is offered again',
          variables: {},
        });
      } catch (error) {
        this.#observer.activationFailed?.(job.type, error);
      }
    }
  }

  /** Waiting polls per type and open streams per type, for diagnostics and tests. */
  waiting(type: string): { polls: number; streams: number } {
    const queue = this.#queues.get(type);
    return { polls: queue?.polls.length ?? 0, streams: queue?.streams.length ?? 0 };
  }

  /** Answers every waiting poll with no jobs and drops every stream; later announcements are ignored. */
  close(): void {
    this.#closed = true;
    for (const queue of this.#queues.values()) {
      queue.unsubscribe();
      for (const poll of [...queue.polls]) void poll.settle([]);
      queue.streams.length = 0;
    }
  }

  #queue(type: string): TypeQueue {
    let queue = this.#queues.get(type);
    if (!queue) {
      queue = {
        polls: [],
        streams: [],
        next: 0,
        turn: 0,
        generation: 0,
        announcedAt: null,
        draining: false,
        drainAgain: false,
        unsubscribe: () => undefined,
      };
      this.#queues.set(type, queue);
      // One subscription per type a worker ever asked for; dropped when the dispatcher closes.
      queue.unsubscribe = this.#engine.onJobsAvailable(type, () => this.#announce(type));
    }
    return queue;
  }

  #announce(type: string): void {
    if (this.#closed) return;
    const queue = this.#queue(type);
    queue.generation += 1;
    queue.announcedAt ??= this.#now();
    if (queue.draining) {
      queue.drainAgain = true;
      return;
    }
    if (queue.polls.length === 0 && queue.streams.length === 0) return;
    queue.draining = true;
    // Deferred: the announcement arrives while the engine is still committing the command that made the job.
    setImmediate(() => void this.#drain(type, queue));
  }

  async #drain(type: string, queue: TypeQueue): Promise<void> {
    try {
      do {
        queue.drainAgain = false;
        while (!this.#closed && queue.streams.length > 0) {
          if (!(await this.#pushToStreams(type, queue))) break;
        }
        while (!this.#closed && queue.polls.length > 0) {
          const poll = queue.polls[0]!;
          const jobs = await this.#engine.activateJobs(poll.input);
          if (jobs.length === 0) break;
          this.#delivered(queue, type, jobs.length);
          if (!poll.settle(jobs)) await this.giveBack(jobs);
          // Fewer than asked for: nothing is left (a job created meanwhile announces itself).
          if (jobs.length < poll.input.maxJobsToActivate) break;
        }
      } while (queue.drainAgain && !this.#closed);
    } catch (error) {
      // A failed activation leaves the jobs activatable; the next announcement or poll retries.
      this.#observer.activationFailed?.(type, error);
    } finally {
      queue.draining = false;
    }
  }

  /**
   * One round over the streams of a type: streams that ask alike (worker, time-out, variables)
   * share one activation of up to STREAM_BATCH jobs per stream, dealt out round-robin. One
   * activation per group, not per job, keeps the engine's commits (and fsyncs) few under load.
   * Resolves true when more jobs may be waiting (a group got all it asked for).
   */
  async #pushToStreams(type: string, queue: TypeQueue): Promise<boolean> {
    const groups = new Map<string, OpenStream[]>();
    for (const stream of queue.streams) {
      const { worker, timeout, fetchVariable } = stream.input;
      const key = JSON.stringify([worker, timeout, fetchVariable]);
      groups.set(key, [...(groups.get(key) ?? []), stream]);
    }
    // Groups take turns going first, so differently configured streams share the work too.
    const ordered = [...groups.values()];
    const first = queue.turn++ % ordered.length;
    for (const group of [...ordered.slice(first), ...ordered.slice(0, first)]) {
      const asked = STREAM_BATCH * group.length;
      const jobs = await this.#engine.activateJobs({
        ...group[0]!.input,
        maxJobsToActivate: asked,
      });
      if (jobs.length > 0) {
        this.#delivered(queue, type, jobs.length);
        const undelivered = jobs.filter((job) => !group[queue.next++ % group.length]!.push(job));
        if (undelivered.length > 0) await this.giveBack(undelivered);
      }
      // Fewer than asked for: nothing is left for the other groups either.
      if (jobs.length < asked) return false;
    }
    return true;
  }

  #delivered(queue: TypeQueue, type: string, count: number): void {
    const latency = queue.announcedAt === null ? 0 : this.#now() - queue.announcedAt;
    queue.announcedAt = null;
    this.#observer.jobsActivated(type, count, latency);
  }
}
