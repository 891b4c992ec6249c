import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const now = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['bin/now.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('now command line', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await now(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: now/);
    for (const command of ['start', 'migrate', 'seed', 'bench'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('stops with one message listing every bad variable and exit code 78', async () => {
    // given two broken variables
    const { code, stderr } = await now(['migrate'], {
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x/y',
    });
    // then both are named and nothing else is attempted
    expect(code).toBe(78);
    expect(stderr).toMatch(/Invalid configuration:/);
    expect(stderr).toMatch(/PORT="eighty"/);
    expect(stderr).toMatch(/DATABASE_URL="postgres:\/\/x\/y"/);
  });

  it('names an unknown command', async () => {
    const { code, stderr } = await now(['frobnicate']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
