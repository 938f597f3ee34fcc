import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUNICIPALITIES, REGIONS } from '@platform/domain';
import { TEST_IDENTITIES } from '@platform/testing';
import { AUDIENCE, otherRealm, realmFiles, socialRealm } from './realm';

type Group = { name: string; attributes: Record<string, string[]>; realmRoles: string[] };
type Client = {
  clientId: string;
  protocolMappers?: { protocolMapper: string; config: Record<string, string> }[];
  attributes?: Record<string, string>;
};
type User = {
  username: string;
  groups?: string[];
  realmRoles: string[];
  email?: string;
  firstName?: string;
  lastName?: string;
};

const infra = join(__dirname, '..', '..', '..', 'infra', 'keycloak');
const social = socialRealm() as { groups: Group[]; clients: Client[]; users: User[] };

describe('generated Keycloak realms', () => {
  it('match the committed infra/keycloak files (run npx tsx tools/keycloak/generate-realm.ts after a change)', () => {
    for (const [file, content] of Object.entries(realmFiles())) {
      expect(readFileSync(join(infra, file), 'utf8')).toBe(content);
    }
  });

  it('have one group per organisation: 98 municipalities, every region incl. Østdanmark, and the state', () => {
    const byType = (type: string) => social.groups.filter((g) => g.attributes.org_type[0] === type);
    expect(byType('municipality')).toHaveLength(98);
    expect(byType('region').map((g) => g.attributes.org_code[0])).toEqual(REGIONS.map((r) => r.code));
    expect(byType('region').length).toBeGreaterThanOrEqual(5 + 1);
    expect(byType('state')).toHaveLength(1);
    expect(social.groups).toHaveLength(MUNICIPALITIES.length + REGIONS.length + 1);
  });

  it('gives every group its org claims and its org realm role', () => {
    for (const g of social.groups) {
      expect(g.realmRoles).toEqual(g.attributes.org_type);
      expect(g.attributes.org_code).toHaveLength(1);
    }
    expect(social.groups.find((g) => g.name === 'municipality-101')?.attributes.org_code).toEqual(['101']);
    expect(social.groups.find((g) => g.name === 'region-1084')?.attributes.org_type).toEqual(['region']);
  });

  it('maps org_type, org_code and the platform-api audience on every client that issues tokens', () => {
    for (const realm of [social, otherRealm() as typeof social]) {
      for (const client of realm.clients.filter((c) => c.clientId !== AUDIENCE)) {
        const claims = client.protocolMappers!.map(
          (m) => m.config['claim.name'] ?? m.config['included.client.audience'],
        );
        expect(claims).toEqual(['org_type', 'org_code', AUDIENCE]);
      }
    }
  });

  it('puts each person in the group of their organisation with their functional role', () => {
    const user = social.users.find((u) => u.username === 'caseworker-101')!;
    expect(user).toMatchObject({ groups: ['/municipality-101'], realmRoles: ['caseworker'] });
    expect(user.email && user.firstName && user.lastName).toBeTruthy();
    expect(social.users.find((u) => u.username === 'planner-state')!.groups).toEqual(['/state']);
  });

  it('gives service accounts their org role and functional roles, and short-lived-test 2 s tokens', () => {
    expect(social.users.find((u) => u.username === 'service-account-muni-101-system')!.realmRoles).toEqual([
      'municipality',
      'caseworker',
    ]);
    expect(social.clients.find((c) => c.clientId === 'short-lived-test')!.attributes).toEqual({
      'access.token.lifespan': '2',
    });
  });

  it('has a user or client for every test identity of realm social', () => {
    const names = new Set([...social.users.map((u) => u.username), ...social.clients.map((c) => c.clientId)]);
    for (const identity of Object.values(TEST_IDENTITIES).filter((i) => i.realm === 'social')) {
      expect(names).toContain(identity.kind === 'user' ? identity.username : identity.clientId);
    }
  });
});
