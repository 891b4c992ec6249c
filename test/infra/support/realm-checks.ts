/**
 * Checks a Keycloak realm export against what the portal expects (the shared
 * portal/server/identity/realm-expectations.ts) and lists the `${PLACEHOLDERS}` Keycloak resolves
 * from its environment at import.
 */
import type { realmExpectations } from '../../../portal/server/identity/realm-expectations.js';
import type { Finding } from './finding.js';

type Expectations = typeof realmExpectations;

interface RealmExport {
  realm?: string;
  roles?: { realm?: { name: string }[] };
  defaultRole?: { composites?: { realm?: string[] } };
  clients?: {
    clientId: string;
    publicClient?: boolean;
    standardFlowEnabled?: boolean;
    redirectUris?: string[];
    protocolMappers?: { protocolMapper: string; config?: Record<string, string> }[];
  }[];
}

/** Realm name, roles, the portal client, its redirect path, the roles claim, the default role. */
export function checkRealmExport(
  file: string,
  realm: RealmExport,
  expected: Expectations,
): Finding[] {
  const findings: Finding[] = [];
  const report = (where: string, message: string) => findings.push({ file, where, message });
  if (realm.realm !== expected.realm)
    report('realm', `is "${String(realm.realm)}", the deployments expect "${expected.realm}"`);
  const roles = new Set((realm.roles?.realm ?? []).map((r) => r.name));
  for (const role of expected.roles)
    if (!roles.has(role)) report(`role ${role}`, 'is missing; the portal authorises by it');
  for (const role of roles)
    if (!(expected.roles as readonly string[]).includes(role))
      report(`role ${role}`, 'is not a role the portal knows');
  if (!(realm.defaultRole?.composites?.realm ?? []).includes(expected.selfRegisteredRole))
    report(
      'defaultRole',
      `does not give self-registered people the role ${expected.selfRegisteredRole}`,
    );
  const client = realm.clients?.find((c) => c.clientId === expected.clientId);
  if (!client) {
    report(`client ${expected.clientId}`, 'is missing; the portal logs in as this client');
    return findings;
  }
  if (client.publicClient !== false || client.standardFlowEnabled !== true)
    report(
      `client ${expected.clientId}`,
      'must be a confidential client with the authorization code flow',
    );
  for (const uri of client.redirectUris ?? [])
    if (new URL(uri).pathname !== expected.callbackPath)
      report(
        `client ${expected.clientId}`,
        `redirect URI ${uri} does not end in ${expected.callbackPath}`,
      );
  const claim = client.protocolMappers?.find(
    (m) => m.protocolMapper === 'oidc-usermodel-realm-role-mapper',
  )?.config?.['claim.name'];
  if (claim !== expected.rolesClaim)
    report(
      `client ${expected.clientId}`,
      `puts the realm roles into "${String(claim)}", the portal reads ${expected.rolesClaim}`,
    );
  return findings;
}

/** `${NAME}` placeholders of the export, resolved from Keycloak's environment at import. */
export function realmPlaceholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!));
}
