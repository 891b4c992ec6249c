import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { RestProblem } from './problem-details.js';

/** Bearer tokens required on every request: the portal's OpenID Connect issuer and audience. */
export interface BearerAuthOptions {
  /** The issuer (`iss`) tokens must carry, e.g. `https://sso.example/realms/now`. */
  issuer: string;
  /** The audience (`aud`) tokens must carry. */
  audience: string;
  /** @default the `jwks_uri` of `${issuer}/.well-known/openid-configuration` */
  jwksUri?: string;
}

/**
 * Verifies `Authorization: Bearer <JWT>` against the issuer's signing keys (fetched and cached
 * by jose, refetched when a token names an unknown key id). Discovery runs on first use, so the
 * API starts even while the identity provider is still coming up.
 */
export class BearerAuth {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly options: BearerAuthOptions) {}

  /** Resolves when the request carries a valid token; else rejects with an UNAUTHORIZED problem. */
  async verify(request: IncomingMessage): Promise<void> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new RestProblem('UNAUTHORIZED', 'Expected an Authorization header with a Bearer token');
    try {
      await jwtVerify(match[1]!, await this.keySet(), {
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
    } catch (error) {
      if (error instanceof RestProblem) throw error;
      throw new RestProblem(
        'UNAUTHORIZED',
        `The bearer token was refused: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined; // try discovery again on the next request
      throw new RestProblem(
        'UNAUTHORIZED',
        `Cannot load the issuer's signing keys: ${(error as Error).message}`,
        { cause: error },
      );
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    if (this.options.jwksUri) return createRemoteJWKSet(new URL(this.options.jwksUri));
    const url = `${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error(`${url} names no jwks_uri`);
    return createRemoteJWKSet(new URL(jwksUri));
  }
}
