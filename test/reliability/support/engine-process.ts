/**
 * The embedded engine as a child process (`now engine`) on fixed ports and a fixed data file, so
 * it can be killed with SIGKILL and started again where clients expect it.
 *
 * @example
 *   const engine = await EngineProcess.start(dataFile);
 *   await engine.kill(); // SIGKILL, resolves once the process is gone
 *   await engine.restart(); // same ports, same file; resolves once /ready answers 200
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../../../bin/testing/platform-process.js';

/** A `now engine` child process that can be killed and restarted on the same ports. */
export class EngineProcess {
  private child: ChildProcess | undefined;
  private stderr = '';

  private constructor(
    readonly dataFile: string,
    readonly grpcPort: number,
    readonly restPort: number,
    readonly managementPort: number,
  ) {}

  /** `grpc://127.0.0.1:<port>` */
  get grpcAddress(): string {
    return `grpc://127.0.0.1:${this.grpcPort}`;
  }

  /** `http://127.0.0.1:<port>` */
  get restAddress(): string {
    return `http://127.0.0.1:${this.restPort}`;
  }

  /** Picks free ports and starts the engine on them. */
  static async start(dataFile: string): Promise<EngineProcess> {
    const engine = new EngineProcess(
      dataFile,
      await freePort(),
      await freePort(),
      await freePort(),
    );
    await engine.restart();
    return engine;
  }

  /** Starts the process and waits (at most 30 s) until its management port reports ready. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('the engine is still running');
    this.stderr = '';
    const child = spawn(
      process.execPath,
      [
        'bin/now.js',
        'engine',
        '--port',
        String(this.grpcPort),
        '--rest-port',
        String(this.restPort),
        '--management-port',
        String(this.managementPort),
        '--data',
        this.dataFile,
      ],
      {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        this.child = undefined;
        throw new Error(`now engine exited with ${child.exitCode}: ${this.stderr}`);
      }
      const ready = await fetch(`http://127.0.0.1:${this.managementPort}/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`now engine not ready within 30 s: ${this.stderr}`);
  }

  /** SIGKILL: no shutdown code runs. Resolves once the process has exited. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (a clean stop), for the end of the test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}
