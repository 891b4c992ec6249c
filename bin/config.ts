/**
 * The platform's configuration: parsed from the environment exactly once, at start-up, by the
 * composition root. Every bad variable is reported in one readable error.
 *
 * @example
 *   const config = loadConfig(process.env); // throws ConfigError listing every problem
 */
import path from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const url = (schemes: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `must be a URL with scheme ${schemes.map((s) => `${s}://`).join(' or ')}`,
    );
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./var'),
  DATABASE_URL: url(['sqlite', 'mysql', 'mariadb']).optional(),
  ZEEBE_GRPC_ADDRESS: url(['grpc', 'grpcs']).optional(),
  ZEEBE_REST_ADDRESS: url(['http', 'https']).optional(),
  CAMUNDA_AUTH_STRATEGY: z.enum(['NONE', 'OAUTH', 'BEARER', 'BASIC', 'COOKIE']).optional(),
  OIDC_ISSUER: url(['http', 'https']).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  STORAGE_URL: url(['file', 's3']).optional(),
  S3_ENDPOINT: url(['http', 'https']).optional(),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  PUBLIC_URL: url(['http', 'https']).optional(),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(3000),
  ENGINE_PORT: port(26500),
  ENGINE_REST_PORT: port(8080),
  MANAGEMENT_PORT: port(9600),
  ENGINE_CONTROLLED_CLOCK: flag,
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).optional(),
});

export type Env = z.input<typeof envSchema>;

/** The parsed configuration, with every embedded default resolved. */
export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  dataDir: string;
  /** `sqlite:///abs/path` or `mysql://...`. @default sqlite file `$DATA_DIR/platform.sqlite` */
  databaseUrl: string;
  engine: {
    /** Unset: the embedded engine is started and its address handed to the clients. */
    grpcAddress: string | undefined;
    restAddress: string | undefined;
    /** The SDK's `CAMUNDA_AUTH_STRATEGY`. @default 'NONE' */
    authStrategy: string;
    embedded: boolean;
    port: number;
    restPort: number;
    managementPort: number;
    controlledClock: boolean;
  };
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | { embedded: true };
  /** @default `file://$DATA_DIR/storage` */
  storageUrl: string;
  s3Endpoint: string | undefined;
  /** Unset: the dev mailbox under `$DATA_DIR/mailbox`. */
  smtpUrl: string | undefined;
  portalPort: number;
  /** Address the portal listens on; `0.0.0.0` in a container. @default '127.0.0.1' */
  portalHost: string;
  publicUrl: string;
  /** Demo users, demo data, dev mailbox and embedded identity provider are allowed. */
  allowDemo: boolean;
  /**
   * The portal's rate limits that are set (`RATE_LIMIT_PER_IP` and `RATE_LIMIT_PER_USER` per
   * minute, `RATE_LIMIT_LOGIN` per 5 minutes); unset ones keep the portal's defaults.
   */
  rateLimits: Partial<Record<'perIp' | 'perUser' | 'login', { limit: number; windowMs: number }>>;
}

/** One error listing every bad variable, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        return `${name}=${JSON.stringify(cleaned[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID].filter(Boolean).length;
  if (oidcParts === 1) problems.push('OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  if (e.ZEEBE_GRPC_ADDRESS && !e.ZEEBE_REST_ADDRESS)
    problems.push(
      'ZEEBE_REST_ADDRESS is required with ZEEBE_GRPC_ADDRESS (user tasks and searches use the REST API)',
    );
  if (production) {
    if (!e.OIDC_ISSUER)
      problems.push(
        'OIDC_ISSUER is required in production (the embedded identity provider is for trying things out)',
      );
    if (!e.SMTP_URL)
      problems.push(
        'SMTP_URL is required in production (the dev mailbox is for trying things out)',
      );
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL is required in production (links in e-mails)');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required in production');
    if (e.ENGINE_CONTROLLED_CLOCK)
      problems.push('ENGINE_CONTROLLED_CLOCK=true is refused in production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite://${path.join(dataDir, 'platform.sqlite')}`,
    engine: {
      grpcAddress: e.ZEEBE_GRPC_ADDRESS,
      restAddress: e.ZEEBE_REST_ADDRESS,
      authStrategy: e.CAMUNDA_AUTH_STRATEGY ?? 'NONE',
      embedded: !e.ZEEBE_GRPC_ADDRESS,
      port: e.ENGINE_PORT,
      restPort: e.ENGINE_REST_PORT,
      managementPort: e.MANAGEMENT_PORT,
      controlledClock: e.ENGINE_CONTROLLED_CLOCK,
    },
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID ?? '',
          clientSecret: e.OIDC_CLIENT_SECRET,
        }
      : { embedded: true },
    storageUrl: e.STORAGE_URL ?? `file://${path.join(dataDir, 'storage')}`,
    s3Endpoint: e.S3_ENDPOINT,
    smtpUrl: e.SMTP_URL,
    portalPort: e.PORT,
    portalHost: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`,
    allowDemo: !production,
    rateLimits: {
      ...(e.RATE_LIMIT_PER_IP ? { perIp: { limit: e.RATE_LIMIT_PER_IP, windowMs: 60_000 } } : {}),
      ...(e.RATE_LIMIT_PER_USER
        ? { perUser: { limit: e.RATE_LIMIT_PER_USER, windowMs: 60_000 } }
        : {}),
      ...(e.RATE_LIMIT_LOGIN ? { login: { limit: e.RATE_LIMIT_LOGIN, windowMs: 300_000 } } : {}),
    },
  };
}
