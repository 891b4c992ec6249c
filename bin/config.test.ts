import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const cwd = '/srv/now';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs with embedded defaults when nothing is set', () => {
    // given an empty environment
    const config = loadConfig({}, cwd);
    // then every embedded default lives under ./var and the usual ports are used
    expect(config.databaseUrl).toBe('sqlite:///srv/now/var/platform.sqlite');
    expect(config.storageUrl).toBe('file:///srv/now/var/storage');
    expect(config.engine).toMatchObject({
      embedded: true,
      port: 26500,
      restPort: 8080,
      managementPort: 9600,
    });
    expect(config.portalPort).toBe(3000);
    expect(config.portalHost).toBe('127.0.0.1');
    expect(config.oidc).toEqual({ embedded: true });
    expect(config.allowDemo).toBe(true);
  });

  it('lets a container bind the portal to every interface', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }, cwd).portalHost).toBe('0.0.0.0');
  });

  it('sets the portal rate limits that are given and keeps the defaults of the rest', () => {
    // given a load test's limits for addresses and logins
    const config = loadConfig({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_LOGIN: '5000' }, cwd);
    // then those two are set, per minute and per 5 minutes; the per-user limit stays the portal's
    expect(config.rateLimits).toEqual({
      perIp: { limit: 100_000, windowMs: 60_000 },
      login: { limit: 5000, windowMs: 300_000 },
    });
    expect(loadConfig({}, cwd).rateLimits).toEqual({});
    expect(problemsOf({ RATE_LIMIT_PER_USER: '0' }).join('\n')).toMatch(/RATE_LIMIT_PER_USER="0"/);
  });

  it('keeps two instances apart by DATA_DIR and ports', () => {
    const config = loadConfig(
      {
        DATA_DIR: '/tmp/b',
        PORT: '3001',
        ENGINE_PORT: '26501',
        ENGINE_REST_PORT: '8081',
        MANAGEMENT_PORT: '9601',
      },
      cwd,
    );
    expect(config.databaseUrl).toBe('sqlite:///tmp/b/platform.sqlite');
    expect([
      config.portalPort,
      config.engine.port,
      config.engine.restPort,
      config.engine.managementPort,
    ]).toEqual([3001, 26501, 8081, 9601]);
  });

  it('uses an external engine and MySQL when their addresses are given', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/now',
        ZEEBE_GRPC_ADDRESS: 'grpc://zeebe:26500',
        ZEEBE_REST_ADDRESS: 'http://zeebe:8080',
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      },
      cwd,
    );
    expect(config.databaseUrl).toBe('mysql://root@127.0.0.1:3306/now');
    expect(config.engine.embedded).toBe(false);
    expect(config.engine.grpcAddress).toBe('grpc://zeebe:26500');
    expect(config.engine.authStrategy).toBe('OAUTH');
  });

  it('reports every bad variable in one error, naming each', () => {
    // given three broken variables at once
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x/y',
      ZEEBE_GRPC_ADDRESS: '127.0.0.1:26500',
    });
    // then all three are named, with the offending value
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT="eighty"/);
    expect(problems.join('\n')).toMatch(
      /DATABASE_URL="postgres:\/\/x\/y": must be a URL with scheme sqlite/,
    );
    expect(problems.join('\n')).toMatch(
      /ZEEBE_GRPC_ADDRESS="127.0.0.1:26500": must be a URL with scheme grpc:\/\//,
    );
  });

  it('refuses the embedded defaults that are only for trying things out in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', ENGINE_CONTROLLED_CLOCK: 'true' });
    expect(problems.join('\n')).toMatch(/OIDC_ISSUER is required in production/);
    expect(problems.join('\n')).toMatch(/SMTP_URL is required in production/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL is required in production/);
    expect(problems.join('\n')).toMatch(/ENGINE_CONTROLLED_CLOCK=true is refused in production/);
  });

  it('accepts a complete production environment and forbids demo data there', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'mysql://app:secret@db:3306/now',
        OIDC_ISSUER: 'https://login.example.org/realms/now',
        OIDC_CLIENT_ID: 'portal',
        SMTP_URL: 'smtp://mail:25',
        PUBLIC_URL: 'https://portal.example.org',
      },
      cwd,
    );
    expect(config.allowDemo).toBe(false);
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.org/realms/now',
      clientId: 'portal',
      clientSecret: undefined,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, cwd).portalPort).toBe(3000);
  });
});
