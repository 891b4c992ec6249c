/**
 * Access tokens for tests, obtained the way an API client of the portal's client would: its own
 * PKCE values through the real authorization endpoint and login form; the browser stops at the
 * callback and the code is exchanged here.
 */
import * as client from 'openid-client';
import { BrowserClient, readForm } from './browser-client.js';

/** An access token for `email` from the embedded provider at `portalUrl`. */
export async function accessTokenFor(
  portalUrl: string,
  clientSecret: string,
  email: string,
  password: string,
): Promise<string> {
  const config = await client.discovery(
    new URL(`${portalUrl}/oidc`),
    'portal',
    undefined,
    client.ClientSecretBasic(clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const callback = `${portalUrl}/auth/callback`;
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const browser = new BrowserClient();
  const form = readForm(await browser.get(url.href));
  const atCallback = await browser.postForm(form.action, { email, password }, (u) =>
    u.startsWith(callback),
  );
  const tokens = await client.authorizationCodeGrant(config, new URL(atCallback.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return tokens.access_token;
}
