/**
 * The portal as an OpenID Connect client (`openid-client` v6): authorization code flow with
 * PKCE (S256), state and nonce; RP-initiated logout. The issuer is discovered on first use, so
 * the portal starts even while the issuer is still coming up (the embedded one is served by the
 * portal itself).
 */
import * as client from 'openid-client';
import { DependencyUnavailableError } from '../http/portal-errors.js';
import type { SitzungAnmeldung } from '../../../domain/index.js';

/** How to reach the issuer. */
export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  /** Confidential client (client_secret_basic); absent: public client, PKCE only. */
  clientSecret?: string;
  /** @default 'openid email profile' */
  scope?: string;
  /** The portal's callback, `<publicUrl>/auth/callback`. */
  redirectUri: string;
  /** Where the issuer sends the browser after logout. */
  postLogoutRedirectUri: string;
}

/** Tokens of a finished login. */
export interface LoginTokens {
  accessToken: string;
  idToken: string | undefined;
  /** Claims of the verified ID token. */
  idClaims: Record<string, unknown>;
}

/** The relying party. */
export interface RelyingParty {
  /** Starts a login: the URL to redirect to and what must be kept until the callback. */
  begin(
    returnTo: string,
    extra?: Record<string, string>,
  ): Promise<{ url: URL; anmeldung: SitzungAnmeldung }>;
  /** Exchanges the code of the callback URL; checks state, nonce and PKCE. */
  finish(callbackUrl: URL, anmeldung: SitzungAnmeldung): Promise<LoginTokens>;
  /** The issuer's logout URL, or undefined when it has none. */
  endSessionUrl(idToken: string | undefined): Promise<URL | undefined>;
  /** The issuer's JWKS URI (for verifying access tokens). */
  jwksUri(): Promise<URL>;
}

/** Creates the relying party; discovery happens lazily and is retried after a failure. */
export function createRelyingParty(settings: RelyingPartySettings): RelyingParty {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () =>
    (discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        // Plain http only for an issuer on this machine (the embedded default, a local Keycloak).
        settings.issuer.startsWith('http:')
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((cause: unknown) => {
        discovered = undefined;
        throw new DependencyUnavailableError('Identitätsanbieter', { cause });
      }));

  return {
    async begin(returnTo, extra = {}) {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const anmeldung: SitzungAnmeldung = {
        codeVerifier,
        state: client.randomState(),
        nonce: client.randomNonce(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(config, {
        ...extra,
        redirect_uri: settings.redirectUri,
        scope: settings.scope ?? 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: anmeldung.state,
        nonce: anmeldung.nonce,
      });
      return { url, anmeldung };
    },
    async finish(callbackUrl, anmeldung) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: anmeldung.codeVerifier,
        expectedState: anmeldung.state,
        expectedNonce: anmeldung.nonce,
        idTokenExpected: true,
      });
      return {
        accessToken: tokens.access_token,
        idToken: tokens.id_token,
        idClaims: { ...(tokens.claims() ?? {}) },
      };
    },
    async endSessionUrl(idToken) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
    async jwksUri() {
      const uri = (await configuration()).serverMetadata().jwks_uri;
      if (!uri) throw new DependencyUnavailableError('JWKS des Identitätsanbieters');
      return new URL(uri);
    },
  };
}
