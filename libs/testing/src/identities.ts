/**
 * The test identities of the demo realms: people (password grant through the public client `platform-cli`)
 * and systems (confidential clients with a service account, client-credentials grant).
 *
 * This list is the single source: tools/keycloak/generate-realm.ts builds the users and service-account
 * clients of infra/keycloak/realm-*.json from it.
 *
 * DEMO CREDENTIALS FOR LOCAL USE ONLY. They are public (they are in this file and in the realm JSON);
 * never import these realm files into a Keycloak that holds real data.
 */
export type OrgType = 'municipality' | 'region' | 'state';
export type FunctionalRole = 'caseworker' | 'advisor' | 'planner' | 'finance' | 'auditor';
export type RealmName = 'social' | 'other';

interface IdentityBase {
  realm: RealmName;
  orgType: OrgType;
  /** `101` (municipality), `1084` (region) or `state`. */
  orgCode: string;
  roles: readonly FunctionalRole[];
}

export interface UserIdentity extends IdentityBase {
  kind: 'user';
  username: string;
  password: string;
  /** The public client that asks for the token (direct access grants). */
  clientId: string;
  /** Keycloak's default user profile refuses names with characters like ( ) / , : */
  firstName: string;
  lastName: string;
  email: string;
}

export interface ClientIdentity extends IdentityBase {
  kind: 'client';
  clientId: string;
  clientSecret: string;
  description: string;
  /** Overrides the realm's access token lifespan for this client. */
  accessTokenLifespanSeconds?: number;
}

export type TestIdentity = UserIdentity | ClientIdentity;

/** The public client people log in with (also in realm `other`). */
export const CLI_CLIENT_ID = 'platform-cli';

function user(
  username: string,
  orgType: OrgType,
  orgCode: string,
  role: FunctionalRole,
  firstName: string,
  lastName: string,
  realm: RealmName = 'social',
): UserIdentity {
  return {
    kind: 'user',
    realm,
    username,
    password: realm === 'social' ? `demo-${username}` : `demo-${realm}-${username}`,
    clientId: CLI_CLIENT_ID,
    firstName,
    lastName,
    email: `${username}@${realm}.demo.example.org`,
    orgType,
    orgCode,
    roles: [role],
  };
}

function system(
  clientId: string,
  secretName: string,
  orgType: OrgType,
  orgCode: string,
  roles: FunctionalRole[],
  description: string,
  accessTokenLifespanSeconds?: number,
): ClientIdentity {
  return {
    kind: 'client',
    realm: 'social',
    clientId,
    clientSecret: `demo-secret-${secretName}`,
    description,
    orgType,
    orgCode,
    roles,
    ...(accessTokenLifespanSeconds === undefined ? {} : { accessTokenLifespanSeconds }),
  };
}

export const TEST_IDENTITIES = {
  // people
  'caseworker-101': user(
    'caseworker-101',
    'municipality',
    '101',
    'caseworker',
    'Karen',
    'Sagsbehandler København',
  ),
  'caseworker-751': user(
    'caseworker-751',
    'municipality',
    '751',
    'caseworker',
    'Anders',
    'Sagsbehandler Aarhus',
  ),
  'caseworker-1084': user(
    'caseworker-1084',
    'region',
    '1084',
    'caseworker',
    'Mette',
    'Visitation Hovedstaden',
  ),
  'advisor-1084': user('advisor-1084', 'region', '1084', 'advisor', 'Lars', 'Rådgiver Hovedstaden'),
  'planner-1084': user('planner-1084', 'region', '1084', 'planner', 'Sofie', 'Planlægger Hovedstaden'),
  'caseworker-1082': user(
    'caseworker-1082',
    'region',
    '1082',
    'caseworker',
    'Jens',
    'Visitation Midtjylland',
  ),
  'advisor-1082': user('advisor-1082', 'region', '1082', 'advisor', 'Hanne', 'Rådgiver Midtjylland'),
  'planner-1082': user('planner-1082', 'region', '1082', 'planner', 'Peter', 'Planlægger Midtjylland'),
  // specialty planning: the operators of scenarios 5 (Syddanmark) and 6 (Nordjylland), and municipalities that
  // file takeover requests or operate offers of their own
  'planner-1081': user('planner-1081', 'region', '1081', 'planner', 'Mads', 'Planlægger Nordjylland'),
  'planner-1083': user('planner-1083', 'region', '1083', 'planner', 'Camilla', 'Planlægger Syddanmark'),
  'planner-461': user('planner-461', 'municipality', '461', 'planner', 'Rasmus', 'Planlægger Odense'),
  'planner-751': user('planner-751', 'municipality', '751', 'planner', 'Louise', 'Planlægger Aarhus'),
  'planner-state': user(
    'planner-state',
    'state',
    'state',
    'planner',
    'Birgitte',
    'Planlægger Socialstyrelsen',
  ),
  'finance-state': user('finance-state', 'state', 'state', 'finance', 'Ole', 'Økonomi Staten'),
  'auditor-state': user('auditor-state', 'state', 'state', 'auditor', 'Inge', 'Revisor Staten'),
  // systems (client credentials)
  'muni-101-system': system(
    'muni-101-system',
    'muni-101',
    'municipality',
    '101',
    ['caseworker'],
    'Københavns Kommune case system',
  ),
  'muni-751-system': system(
    'muni-751-system',
    'muni-751',
    'municipality',
    '751',
    ['caseworker'],
    'Aarhus Kommune case system',
  ),
  'region-1084-system': system(
    'region-1084-system',
    'region-1084',
    'region',
    '1084',
    ['caseworker'],
    'Region Hovedstaden operator system',
  ),
  'region-1082-system': system(
    'region-1082-system',
    'region-1082',
    'region',
    '1082',
    ['caseworker'],
    'Region Midtjylland operator system',
  ),
  'state-system': system('state-system', 'state', 'state', 'state', [], 'State (Socialstyrelsen) system'),
  /** Tokens live 2 s: proves that expired tokens are refused. */
  'short-lived-test': system(
    'short-lived-test',
    'short-lived',
    'municipality',
    '101',
    ['caseworker'],
    'Municipality 101 caseworker system with 2 s tokens',
    2,
  ),
  /** Same username, client id and claims as caseworker-101, but issued by realm `other`: must be refused. */
  'other-realm-caseworker-101': user(
    'caseworker-101',
    'municipality',
    '101',
    'caseworker',
    'Eve',
    'Other Realm',
    'other',
  ),
} as const satisfies Record<string, TestIdentity>;

export type IdentityName = keyof typeof TEST_IDENTITIES;

export function identitiesOfRealm(realm: RealmName): TestIdentity[] {
  return Object.values(TEST_IDENTITIES).filter((identity: TestIdentity) => identity.realm === realm);
}
