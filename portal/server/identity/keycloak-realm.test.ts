import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from './demo-users.js';
import { realmExpectations } from './realm-expectations.js';

const { roles: realmRoles, callbackPath, clientId: defaultClientId } = realmExpectations;

type Mapper = { protocolMapper: string; config: Record<string, string> };
type Realm = {
  registrationAllowed: boolean;
  verifyEmail: boolean;
  resetPasswordAllowed: boolean;
  registrationEmailAsUsername: boolean;
  roles: { realm: { name: string }[] };
  defaultRole: { composites: { realm: string[] } };
  clients: {
    clientId: string;
    publicClient: boolean;
    standardFlowEnabled: boolean;
    implicitFlowEnabled: boolean;
    directAccessGrantsEnabled: boolean;
    redirectUris: string[];
    attributes: Record<string, string>;
    protocolMappers: Mapper[];
  }[];
  users: {
    email: string;
    emailVerified: boolean;
    realmRoles: string[];
    credentials: { value: string }[];
  }[];
};

const realm = JSON.parse(
  readFileSync(new URL('../../../infra/keycloak/realm-export.json', import.meta.url), 'utf8'),
) as Realm;
const client = realm.clients.find((c) => c.clientId === defaultClientId);

describe('the Keycloak realm export matches what the portal expects', () => {
  it('has the portal client as a confidential code-flow client with PKCE S256 only', () => {
    expect(client).toBeDefined();
    expect(client).toMatchObject({
      publicClient: false,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    expect(client!.attributes['pkce.code.challenge.method']).toBe('S256');
  });

  it("redirects only to the portal's callback path", () => {
    expect(client!.redirectUris.length).toBeGreaterThan(0);
    for (const uri of client!.redirectUris) expect(new URL(uri).pathname).toBe(callbackPath);
  });

  it('defines exactly the platform realm roles, and self-registered people become applicants', () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...realmRoles].sort());
    expect(realm.defaultRole.composites.realm).toContain('applicant');
  });

  it('puts the realm roles into realm_access.roles of the access token and the portal into its audience', () => {
    const roles = client!.protocolMappers.find(
      (m) => m.protocolMapper === 'oidc-usermodel-realm-role-mapper',
    );
    expect(roles?.config).toMatchObject({
      'claim.name': 'realm_access.roles',
      multivalued: 'true',
      'access.token.claim': 'true',
    });
    const audience = client!.protocolMappers.find(
      (m) => m.protocolMapper === 'oidc-audience-mapper',
    );
    expect(audience?.config).toMatchObject({
      'included.client.audience': defaultClientId,
      'access.token.claim': 'true',
    });
  });

  it('allows registration with e-mail verification and password reset', () => {
    expect(realm).toMatchObject({
      registrationAllowed: true,
      registrationEmailAsUsername: true,
      verifyEmail: true,
      resetPasswordAllowed: true,
    });
  });

  it('has the same demo users with the same roles as the embedded provider', () => {
    const exported = realm.users.map((u) => ({
      email: u.email,
      roles: u.realmRoles.filter((r) => (realmRoles as readonly string[]).includes(r)),
      password: u.credentials[0]?.value,
      verified: u.emailVerified,
    }));
    expect(exported).toEqual(
      demoUsers.map((u) => ({
        email: u.email,
        roles: u.roles,
        password: demoPassword,
        verified: true,
      })),
    );
  });
});
