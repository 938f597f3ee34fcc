/**
 * Builds the Keycloak realm files (infra/keycloak/realm-*.json) from the platform's reference data
 * (@platform/domain: municipalities and regions) and the test identities (@platform/testing).
 *
 * Realm `social`: one group per organisation carrying `org_type`/`org_code` and the org realm role; people
 * inherit the organisation from their group, systems get it from hardcoded claims on their client. Every
 * token-issuing client maps `org_type`, `org_code` and the audience `platform-api` into the access token;
 * `realm_access.roles` comes from Keycloak's default `roles` scope.
 * Realm `other`: the same shapes under another issuer, to prove that its tokens are refused.
 *
 * DEMO PASSWORDS AND SECRETS, FOR LOCAL USE ONLY (see infra/keycloak/README.md).
 */
import { MUNICIPALITIES, REGIONS } from '@platform/domain';
import { SERVICES } from '../../services';
import {
  CLI_CLIENT_ID,
  identitiesOfRealm,
  type ClientIdentity,
  type OrgType,
  type RealmName,
  type UserIdentity,
} from '@platform/testing';

export const AUDIENCE = 'platform-api';
export const ORG_ROLES: readonly OrgType[] = ['municipality', 'region', 'state'];
export const FUNCTIONAL_ROLES = ['caseworker', 'advisor', 'planner', 'finance', 'auditor'] as const;
const ACCESS_TOKEN_LIFESPAN_SECONDS = 300;

type Json = Record<string, unknown>;

export interface Organisation {
  type: OrgType;
  code: string;
  name: string;
}

/** Every organisation that may call the platform: 98 municipalities, every region in REGIONS (incl. Østdanmark), the state. */
export function organisations(): Organisation[] {
  return [
    ...MUNICIPALITIES.map((m) => ({ type: 'municipality' as const, code: m.code, name: m.officialName })),
    ...REGIONS.map((r) => ({ type: 'region' as const, code: r.code, name: r.name })),
    { type: 'state', code: 'state', name: 'Staten' },
  ];
}

export const groupName = (type: OrgType, code: string) => (type === 'state' ? 'state' : `${type}-${code}`);

function group(org: Organisation): Json {
  return {
    name: groupName(org.type, org.code),
    path: `/${groupName(org.type, org.code)}`,
    attributes: { org_type: [org.type], org_code: [org.code], org_name: [org.name] },
    realmRoles: [org.type],
    subGroups: [],
  };
}

const claimConfig = (claim: string) => ({
  'claim.name': claim,
  'jsonType.label': 'String',
  'access.token.claim': 'true',
  'id.token.claim': 'true',
  'userinfo.token.claim': 'true',
  'introspection.token.claim': 'true',
});

/** `org_type`/`org_code` from the user's attributes; Keycloak falls back to the attributes of the user's groups. */
const userAttributeMapper = (claim: string): Json => ({
  name: claim,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-attribute-mapper',
  consentRequired: false,
  config: {
    'user.attribute': claim,
    multivalued: 'false',
    'aggregate.attrs': 'false',
    ...claimConfig(claim),
  },
});

const hardcodedClaimMapper = (claim: string, value: string): Json => ({
  name: claim,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-hardcoded-claim-mapper',
  consentRequired: false,
  config: { 'claim.value': value, ...claimConfig(claim) },
});

const audienceMapper: Json = {
  name: `audience ${AUDIENCE}`,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-audience-mapper',
  consentRequired: false,
  config: {
    'included.client.audience': AUDIENCE,
    'access.token.claim': 'true',
    'id.token.claim': 'false',
    'introspection.token.claim': 'true',
  },
};

const resourceClient: Json = {
  clientId: AUDIENCE,
  name: 'Platform API (resource server: the audience of every token)',
  enabled: true,
  bearerOnly: true,
  publicClient: false,
  standardFlowEnabled: false,
  directAccessGrantsEnabled: false,
  serviceAccountsEnabled: false,
  protocol: 'openid-connect',
};

const cliClient: Json = {
  clientId: CLI_CLIENT_ID,
  name: 'Platform CLI and tests (password grant for people; demo only)',
  enabled: true,
  publicClient: true,
  standardFlowEnabled: false,
  implicitFlowEnabled: false,
  directAccessGrantsEnabled: true,
  serviceAccountsEnabled: false,
  fullScopeAllowed: true,
  protocol: 'openid-connect',
  protocolMappers: [userAttributeMapper('org_type'), userAttributeMapper('org_code'), audienceMapper],
};

/** The public client Swagger UI signs in with (/docs of every service): authorization code with PKCE. */
export const DOCS_CLIENT_ID = 'api-docs';

/** One redirect per service of tools/services.ts, so a new service's /docs can sign in (tools/new-service). */
function docsClient(): Json {
  const origins = SERVICES.flatMap((s) => [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`]);
  return {
    clientId: DOCS_CLIENT_ID,
    name: 'API documentation (Swagger UI sign-in of every service; demo only)',
    enabled: true,
    publicClient: true,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    redirectUris: origins.map((origin) => `${origin}/docs/oauth2-redirect.html`),
    webOrigins: origins,
    attributes: { 'pkce.code.challenge.method': 'S256' },
    protocolMappers: [userAttributeMapper('org_type'), userAttributeMapper('org_code'), audienceMapper],
  };
}

/** The public client of the web console (apps/console): authorization code with PKCE, in the browser. */
export const CONSOLE_CLIENT_ID = 'console';
/** `npm start` serves the console on 3000; its browser tests (apps/console/test) on 3100. */
export const CONSOLE_PORTS = [3000, 3100] as const;

function consoleClient(): Json {
  const origins = CONSOLE_PORTS.flatMap((p) => [`http://127.0.0.1:${p}`, `http://localhost:${p}`]);
  return {
    clientId: CONSOLE_CLIENT_ID,
    name: 'Web console for municipalities, regions and the state (demo only)',
    enabled: true,
    publicClient: true,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    redirectUris: origins.map((origin) => `${origin}/*`),
    webOrigins: origins,
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': origins.map((origin) => `${origin}/*`).join('##'),
    },
    protocolMappers: [userAttributeMapper('org_type'), userAttributeMapper('org_code'), audienceMapper],
  };
}

function systemClient(system: ClientIdentity): Json {
  return {
    clientId: system.clientId,
    name: system.description,
    enabled: true,
    publicClient: false,
    clientAuthenticatorType: 'client-secret',
    secret: system.clientSecret,
    standardFlowEnabled: false,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: true,
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    attributes:
      system.accessTokenLifespanSeconds === undefined
        ? {}
        : { 'access.token.lifespan': String(system.accessTokenLifespanSeconds) },
    protocolMappers: [
      hardcodedClaimMapper('org_type', system.orgType),
      hardcodedClaimMapper('org_code', system.orgCode),
      audienceMapper,
    ],
  };
}

function person(user: UserIdentity): Json {
  return {
    username: user.username,
    enabled: true,
    emailVerified: true,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    credentials: [{ type: 'password', value: user.password, temporary: false }],
    groups: [`/${groupName(user.orgType, user.orgCode)}`],
    realmRoles: [...user.roles],
  };
}

/** A service account carries its org role and functional roles directly (its org claims come from its client). */
function serviceAccount(system: ClientIdentity): Json {
  return {
    username: `service-account-${system.clientId}`,
    enabled: true,
    serviceAccountClientId: system.clientId,
    realmRoles: [system.orgType, ...system.roles],
  };
}

function realm(name: RealmName, displayName: string, orgs: Organisation[]): Json {
  const identities = identitiesOfRealm(name);
  const users = identities.filter((i): i is UserIdentity => i.kind === 'user');
  const systems = identities.filter((i): i is ClientIdentity => i.kind === 'client');
  for (const identity of identities) {
    if (!orgs.some((o) => o.type === identity.orgType && o.code === identity.orgCode)) {
      throw new Error(
        `test identity of ${identity.orgType} ${identity.orgCode} has no organisation in realm ${name}`,
      );
    }
  }
  return {
    realm: name,
    displayName,
    enabled: true,
    sslRequired: 'external',
    registrationAllowed: false,
    resetPasswordAllowed: false,
    rememberMe: false,
    loginWithEmailAllowed: false,
    duplicateEmailsAllowed: false,
    bruteForceProtected: false,
    accessTokenLifespan: ACCESS_TOKEN_LIFESPAN_SECONDS,
    roles: {
      realm: [
        ...ORG_ROLES.map((role) => ({ name: role, description: `organisation type: ${role}` })),
        ...FUNCTIONAL_ROLES.map((role) => ({ name: role, description: `functional role: ${role}` })),
      ],
    },
    groups: orgs.map(group),
    clients: [
      resourceClient,
      ...(users.length > 0 ? [cliClient] : []),
      ...(name === 'social' ? [docsClient(), consoleClient()] : []),
      ...systems.map(systemClient),
    ],
    users: [...users.map(person), ...systems.map(serviceAccount)],
  };
}

export function socialRealm(): Json {
  return realm('social', 'Specialised social area (LOCAL DEMO: public demo passwords)', organisations());
}

/** A second realm with the same claim shapes: its tokens must be refused by every service. */
export function otherRealm(): Json {
  const copenhagen = organisations().find((o) => o.type === 'municipality' && o.code === '101')!;
  return realm('other', 'Another realm (LOCAL DEMO: its tokens must be refused)', [copenhagen]);
}

/** File name → content, exactly as committed under infra/keycloak/. */
export function realmFiles(): Record<string, string> {
  return {
    'realm-social.json': `${JSON.stringify(socialRealm(), null, 2)}\n`,
    'realm-other.json': `${JSON.stringify(otherRealm(), null, 2)}\n`,
  };
}
