import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realmExpectations } from '../../portal/server/identity/realm-expectations.js';
import { formatFindings } from './support/finding.js';
import { checkRealmExport } from './support/realm-checks.js';

const realmFile = fileURLToPath(new URL('../../infra/keycloak/realm-export.json', import.meta.url));

describe('infra/keycloak/realm-export.json', () => {
  it('has the realm, roles, client, redirect path and roles claim the portal expects', () => {
    const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as Parameters<
      typeof checkRealmExport
    >[1];
    expect(
      formatFindings(
        checkRealmExport('infra/keycloak/realm-export.json', realm, realmExpectations),
      ),
    ).toBe('');
  });

  it('reports a missing role, a role the portal does not know and a missing portal client', () => {
    // given a realm where analyst was renamed and the client has another id
    const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as {
      roles: { realm: { name: string }[] };
      clients: { clientId: string }[];
    };
    realm.roles.realm = realm.roles.realm.map((r) =>
      r.name === 'analyst' ? { ...r, name: 'data-analyst' } : r,
    );
    realm.clients = realm.clients.map((c) => ({ ...c, clientId: 'portal-v2' }));
    // when it is checked
    const findings = checkRealmExport('realm.json', realm, realmExpectations);
    // then each difference is named
    expect(findings.map((f) => `${f.where}: ${f.message}`)).toEqual([
      'role analyst: is missing; the portal authorises by it',
      'role data-analyst: is not a role the portal knows',
      'client portal: is missing; the portal logs in as this client',
    ]);
  });
});
