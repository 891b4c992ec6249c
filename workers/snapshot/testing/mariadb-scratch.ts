/**
 * Scratch databases on the MariaDB/MySQL server of the test machine (127.0.0.1:3306, root, or
 * the server of DATABASE_URL under the MySQL suite) and loading a dump with the `mysql` client,
 * as an analyst would.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import { mysqlTestServerUrl } from '../../../domain/testing/test-database.js';

/** How to reach the server. */
export interface MysqlServer {
  host: string;
  port: number;
  user: string;
  password?: string;
}

/** The server of DATABASE_URL when it is MySQL, else the machine's MariaDB. */
export function scratchServer(): MysqlServer {
  const url = new URL(mysqlTestServerUrl() ?? 'mysql://root@127.0.0.1:3306/test');
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** A fresh, empty database and a connection to it. */
export interface ScratchDatabase {
  name: string;
  connection: mysql.Connection;
  drop(): Promise<void>;
}

/** Creates `now_snapshot_<random>` (utf8mb4). */
export async function createScratchDatabase(server: MysqlServer): Promise<ScratchDatabase> {
  const name = `now_snapshot_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({ ...server, charset: 'utf8mb4' });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const connection = await mysql.createConnection({
    ...server,
    database: name,
    charset: 'utf8mb4',
  });
  return {
    name,
    connection,
    async drop() {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** Pipes SQL into the `mysql` client; resolves with what it printed (warnings included). */
export function loadWithMysqlClient(
  server: MysqlServer,
  database: string,
  sql: Readable,
): Promise<{ code: number | null; output: string }> {
  const args = [
    '--protocol=tcp',
    `--host=${server.host}`,
    `--port=${server.port}`,
    `--user=${server.user}`,
    '--default-character-set=utf8mb4',
    '--show-warnings',
    database,
  ];
  if (server.password) args.splice(4, 0, `--password=${server.password}`);
  return new Promise((resolve, reject) => {
    const child = spawn('mysql', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    sql.on('error', reject);
    sql.pipe(child.stdin);
  });
}
