import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineLogger } from '../../index.js';
import type { BearerAuth } from './bearer-auth.js';
import { RestProblem, sendProblem, toProblem } from './problem-details.js';
import { RestApiConfigError } from './rest-api-error.js';
import type { RestContext, RestReply, RestRequest, Route } from './route.js';

/** Largest JSON body accepted (Camunda's default maximum message size is 4 MB). */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** Largest deployment accepted. */
const MAX_MULTIPART_BYTES = 16 * 1024 * 1024;

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
}

/**
 * The HTTP server of the REST API, on node:http: a route table of a few dozen fixed paths needs
 * no framework, and node:http answers several times more requests per second than Express on
 * these machines. Multipart bodies are parsed by the platform's own `Response.formData()`.
 */
export class RestServer {
  private readonly server: Server;
  private readonly routes: CompiledRoute[];

  constructor(
    routes: readonly Route[],
    private readonly context: RestContext,
    private readonly auth: BearerAuth | undefined,
    private readonly logger: EngineLogger | undefined,
  ) {
    this.routes = routes.map((route) => ({ route, pattern: compile(route.path) }));
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Binds the port; resolves with the bound address. */
  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error) =>
        reject(
          new RestApiConfigError(
            'BIND_FAILED',
            `Cannot listen on ${host}:${port}: ${error.message}`,
            { cause: error },
          ),
        );
      this.server.once('error', failed);
      this.server.listen(port, host, () => {
        this.server.off('error', failed);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stops accepting, ends keep-alive connections and resolves when the socket is closed. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      // requests still running get a moment to answer; then their connections are cut too
      setTimeout(() => this.server.closeAllConnections(), 1_000).unref();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const matches = this.routes
        .map(({ route, pattern }) => ({ route, match: pattern.exec(url.pathname) }))
        .filter((m) => m.match);
      if (matches.length === 0)
        throw new RestProblem(
          'NOT_FOUND',
          `No endpoint ${req.method} ${url.pathname} on the embedded engine (see docs/engine-rest.md for the endpoints served)`,
        );
      const found = matches.find((m) => m.route.method === req.method);
      if (!found) {
        res.setHeader('allow', matches.map((m) => m.route.method).join(', '));
        throw new RestProblem(
          'METHOD_NOT_ALLOWED',
          `${url.pathname} does not answer ${req.method}; it answers ${matches.map((m) => m.route.method).join(', ')}`,
        );
      }
      await this.auth?.verify(req);
      const controller = new AbortController();
      res.once('close', () => controller.abort());
      const request: RestRequest = {
        params: decodeParams(found.match!.groups ?? {}),
        query: url.searchParams,
        signal: controller.signal,
        ...(await readBody(req, found.route.body)),
      };
      reply(res, await found.route.handle(request, this.context));
    } catch (error) {
      const problem = toProblem(error, url.pathname);
      if (problem.status >= 500)
        this.logger?.error({ err: error, path: url.pathname }, 'REST request failed');
      sendProblem(res, problem, problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
    }
  }
}

function compile(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}/?$`);
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
}

async function readBody(
  req: IncomingMessage,
  kind: Route['body'],
): Promise<Pick<RestRequest, 'body' | 'form'>> {
  if (kind === 'none') {
    req.resume();
    return { body: undefined, form: undefined };
  }
  const type = req.headers['content-type'] ?? '';
  if (kind === 'multipart') {
    if (!type.startsWith('multipart/form-data'))
      throw new RestProblem(
        'INVALID_ARGUMENT',
        `body: expected multipart/form-data with the files in "resources", got '${type || 'no content type'}'`,
        { field: 'body' },
      );
    const bytes = await readAll(req, MAX_MULTIPART_BYTES);
    try {
      return {
        body: undefined,
        form: await new Response(new Uint8Array(bytes), {
          headers: { 'content-type': type },
        }).formData(),
      };
    } catch (error) {
      throw new RestProblem(
        'INVALID_ARGUMENT',
        `body: not a readable multipart/form-data body: ${(error as Error).message}`,
        { field: 'body', cause: error },
      );
    }
  }
  const bytes = await readAll(req, MAX_JSON_BYTES);
  if (bytes.length === 0) return { body: undefined, form: undefined };
  try {
    return { body: JSON.parse(bytes.toString('utf8')) as unknown, form: undefined };
  } catch (error) {
    throw new RestProblem('INVALID_ARGUMENT', `body: not valid JSON: ${(error as Error).message}`, {
      field: 'body',
      cause: error,
    });
  }
}

async function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new RestProblem(
      'PAYLOAD_TOO_LARGE',
      `body: ${declared} bytes is more than the ${limit} accepted`,
      { field: 'body' },
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new RestProblem('PAYLOAD_TOO_LARGE', `body: more than the ${limit} bytes accepted`, {
        field: 'body',
      });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, answer: RestReply): void {
  if (answer.text) {
    res.writeHead(answer.status, {
      'content-type': answer.text.contentType,
      'content-length': Buffer.byteLength(answer.text.content),
    });
    res.end(answer.text.content);
  } else if (answer.body === undefined) {
    res.writeHead(answer.status);
    res.end();
  } else {
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  }
}
