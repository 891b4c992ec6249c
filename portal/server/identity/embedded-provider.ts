/**
 * The embedded OpenID provider (`oidc-provider`), served under `/oidc` on the portal's own origin
 * when no external issuer is configured. It behaves like the Keycloak realm in
 * `infra/keycloak/`: the same client, PKCE S256 required, JWT access tokens for the portal's
 * audience with the realm roles in `realm_access.roles`, so the portal's login code path is the
 * same against both.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { AccountService } from './account-service.js';
import { errorPage, logoutConfirmPage, loggedOutPage } from './identity-pages.js';

/** Settings of the embedded provider. */
export interface EmbeddedProviderOptions {
  /** `<publicUrl>/oidc`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Signing key (private JWK with `alg`); generated when absent (tokens die with the process). */
  signingKey?: JWK;
  /** Keys for the provider's signed cookies; random when absent. */
  cookieKeys?: string[];
  /** Behind a TLS-terminating proxy: trust `X-Forwarded-*`. */
  trustProxy: boolean;
  /** Access token lifetime in seconds. @default 900 */
  accessTokenTtlSeconds?: number;
}

/** The resource indicator of the portal API; access tokens for it are JWTs. */
export const portalResource = 'urn:now:portal';

/** Creates the provider; mount `provider.callback()` at `/oidc`. */
export async function createEmbeddedProvider(
  options: EmbeddedProviderOptions,
  accounts: AccountService,
): Promise<Provider> {
  const signingKey = options.signingKey ?? (await freshSigningKey());
  const accessTokenTtl = options.accessTokenTtlSeconds ?? 900;
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: {
      keys: options.cookieKeys ?? [randomBytes(32).toString('base64url')],
      long: { signed: true, sameSite: 'lax' },
      short: { signed: true, sameSite: 'lax' },
    },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'roles'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      roles: ['realm_access'],
    },
    async findAccount(_ctx, sub) {
      const konto = await accounts.find(sub);
      if (!konto) return undefined;
      return {
        accountId: konto.id,
        async claims() {
          return {
            sub: konto.id,
            email: konto.email,
            email_verified: konto.emailBestaetigtAm !== null,
            name: [konto.vorname, konto.nachname].filter(Boolean).join(' ') || konto.email,
            given_name: konto.vorname ?? undefined,
            family_name: konto.nachname ?? undefined,
            realm_access: { roles: konto.rollen },
          };
        },
      };
    },
    // Keycloak's access tokens carry the roles, the e-mail and the name; ours do too.
    async extraTokenClaims(_ctx, token) {
      if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
      const konto = await accounts.find(token.accountId);
      if (!konto) return undefined;
      return {
        email: konto.email,
        name: [konto.vorname, konto.nachname].filter(Boolean).join(' ') || konto.email,
        realm_access: { roles: konto.rollen },
      };
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.body = logoutConfirmPage(form);
        },
        async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          ctx.body = loggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => portalResource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'portal',
          audience: options.clientId,
          accessTokenTTL: accessTokenTtl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // An invitation token travels to the registration page, where it proves the e-mail address.
    extraParams: ['einladung'],
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 30 * 60,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error), String(out.error_description ?? ''));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  return provider;
}

async function freshSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    ...(await exportJWK(privateKey)),
    alg: 'RS256',
    use: 'sig',
    kid: randomBytes(8).toString('hex'),
  };
}
