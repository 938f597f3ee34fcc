/**
 * What verifying one real Keycloak access token costs: the `jose` TokenVerifier of libs/auth against the
 * keycloak-connect grant manager it replaced (measured only while that package is still installed).
 * Usage (stack up): npx tsx tools/bench/verify-token.ts [--n 10000]
 * Prints, per verifier, the mean wall time and CPU time per token done one after another, and the throughput
 * with 64 verifications in flight (as under concurrent requests).
 */
import { TokenVerifier } from '@platform/auth';
import { getToken, stackSettings } from '@platform/testing';

const i = process.argv.indexOf('--n');
const N = i > 0 ? Number(process.argv[i + 1]) : 10_000;
const IN_FLIGHT = 64;
const config = { keycloakUrl: stackSettings().keycloakUrl, realm: 'social', audience: 'platform-api' };

type Verify = (token: string) => Promise<unknown>;

interface KeycloakConnectModule {
  default: new (
    stores: object,
    config: object,
  ) => { grantManager: { createGrant(grant: { access_token: string }): Promise<unknown> } };
}

/** The verifier libs/auth used before: keycloak-connect's grant manager, configured as it was. */
async function keycloakConnect(): Promise<Verify | undefined> {
  const name = 'keycloak-connect'; // not a literal import: the bench still runs once the package is dropped
  const module = (await import(name).catch(() => undefined)) as KeycloakConnectModule | undefined;
  if (!module) return undefined;
  const { grantManager } = new module.default(
    {},
    {
      realm: config.realm,
      'auth-server-url': config.keycloakUrl,
      resource: config.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
    },
  );
  return (token) => grantManager.createGrant({ access_token: token });
}

async function measure(name: string, verify: Verify, token: string): Promise<void> {
  for (let w = 0; w < 200; w += 1) await verify(token); // keys fetched, code warm
  const cpu = process.cpuUsage();
  let started = performance.now();
  for (let k = 0; k < N; k += 1) await verify(token);
  const sequentialMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  started = performance.now();
  for (let k = 0; k < N; k += IN_FLIGHT) {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, N - k) }, () => verify(token)));
  }
  const concurrentMs = performance.now() - started;
  console.log(
    `${name.padEnd(17)} ${((sequentialMs * 1000) / N).toFixed(1).padStart(7)} µs/token wall` +
      `  ${((user + system) / N).toFixed(1).padStart(7)} µs/token CPU` +
      `  ${Math.round(N / (concurrentMs / 1000))
        .toString()
        .padStart(7)} tokens/s with ${IN_FLIGHT} in flight`,
  );
}

async function main(): Promise<void> {
  const token = await getToken('muni-101-system');
  console.log(`${N} verifications of one real RS256 token (node ${process.version})`);
  const legacy = await keycloakConnect();
  if (legacy) await measure('keycloak-connect', legacy, token);
  else console.log('keycloak-connect  not installed, skipped');
  const verifier = new TokenVerifier(config);
  await measure('jose (libs/auth)', (t) => verifier.verify(t), token);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
