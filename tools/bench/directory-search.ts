/**
 * The offer directory's search over 5 000 offers, through the API and directly (docs/specialty-planning.md):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/directory-search.ts [--offers 5000] [--duration 10]
 *       [--concurrency 16]
 *
 * Builds dist/ if a source is newer, migrates a fresh `specialty_planning_bench` database, seeds the offers and
 * their occupancy (referral_activity rows) with SQL, starts the service from dist as its own process, and runs
 * GET /api/v1/offers?targetGroup=VISION&freePlaces=true with autocannon. The baseline runs the statements that
 * request runs (the page, then the page's occupancy), captured from the service's own query code, with
 * node-postgres at the same concurrency. Prints p50/p99/throughput of both and their ratio.
 */
import 'reflect-metadata';
import { PgTransaction } from '@platform/persistence';
import { buildDistIfNeeded, getToken } from '@platform/testing';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { measure, type LoadResult } from './support/api-load';
import { prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { pgLoad, type Statement } from './support/pg-load';
import { seedOffers } from './support/seed-offers';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './support/service-process';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SERVICE = 'specialty-planning';
const OFFERS = Number(flag('offers', '5000'));
const SECONDS = Number(flag('duration', '10'));
const CONCURRENCY = Number(flag('concurrency', '16'));
const PATH = '/api/v1/offers?targetGroup=VISION&freePlaces=true';
/** The filter and page size the service derives from PATH (limit 50, one more row to know of a next page). */
const FILTER = { targetGroup: 'VISION', freePlaces: true };
const PAGE = 50;
const IDENTITY = 'muni-101-system';

type Tx = InstanceType<typeof PgTransaction>;
interface ServiceQueries {
  OfferQuery: new (db: unknown) => {
    page(filter: object, limit: number, after: undefined, tx: Tx): Promise<unknown>;
  };
  ActivityRepository: new (db: unknown) => { occupancy(ids: string[], tx: Tx): Promise<unknown> };
}

/**
 * The service's own query code, from the build the benchmark runs (dist/): the baseline runs the statements it
 * builds, so it cannot drift from them. Loaded at run time, as the service loads it (tools import no app).
 */
function serviceQueries(): ServiceQueries {
  const load = createRequire(__filename);
  const src = join(ROOT, 'dist', 'apps', SERVICE, 'src');
  return {
    ...(load(join(src, 'offer', 'offer-query.js')) as Pick<ServiceQueries, 'OfferQuery'>),
    ...(load(join(src, 'activity', 'activity.repository.js')) as Pick<ServiceQueries, 'ActivityRepository'>),
  };
}

/** A transaction that records the statements run on it instead of sending them, answering with `rows`. */
function recorder(rows: unknown[] = []) {
  const statements: Statement[] = [];
  const tx = new PgTransaction({
    query: ((text: string, values: unknown[]) => {
      statements.push({ text, values });
      return Promise.resolve({ rows, rowCount: rows.length });
    }) as never,
  });
  return { tx, statements };
}

/** The statements of one search request, exactly as the service's OfferQuery and ActivityRepository build them. */
async function searchStatements(databaseUrl: string): Promise<Statement[]> {
  const { OfferQuery, ActivityRepository } = serviceQueries();
  const page = recorder();
  await new OfferQuery(undefined as never).page(FILTER, PAGE + 1, undefined, page.tx);
  const [pageStatement] = page.statements;
  const ids = await withClient(databaseUrl, async (db) =>
    (await db.query<{ id: string }>(pageStatement.text, pageStatement.values)).rows
      .slice(0, PAGE)
      .map((r) => r.id),
  );
  const occupancy = recorder();
  await new ActivityRepository(undefined as never).occupancy(ids, occupancy.tx);
  return [pageStatement, occupancy.statements[0]];
}

const ms = (n: number) => n.toFixed(2);

function render(api: LoadResult, direct: LoadResult, matches: number): string {
  return [
    `GET ${PATH}: ${OFFERS} offers (${matches} match), concurrency ${CONCURRENCY}, ${SECONDS} s each`,
    '',
    '| path | p50 ms | p99 ms | req/s | failures |',
    '|---|---|---|---|---|',
    `| API (autocannon) | ${ms(api.p50)} | ${ms(api.p99)} | ${api.rps.toFixed(0)} | ${api.failures} |`,
    `| direct pg (same 2 statements) | ${ms(direct.p50)} | ${ms(direct.p99)} | ${direct.rps.toFixed(0)} | ${direct.failures} |`,
    `| ratio API / direct | ${(api.p50 / direct.p50).toFixed(1)}× | ${(api.p99 / direct.p99).toFixed(1)}× | ${(api.rps / direct.rps).toFixed(2)}× | |`,
  ].join('\n');
}

async function main(): Promise<void> {
  buildDistIfNeeded(SERVICE);
  const info = serviceInfo(SERVICE);
  const databaseUrl = await prepareBenchDatabase(info);
  const seeded = await withClient(databaseUrl, (db) => seedOffers(db, OFFERS));
  console.error(`[bench] seeded ${seeded.offers} offers, ${seeded.occupied} occupied places`);
  const statements = await searchStatements(databaseUrl);
  const matches = await withClient(databaseUrl, async (db) => {
    const { OfferQuery } = serviceQueries();
    const count = recorder();
    await new OfferQuery(undefined as never).page(FILTER, 1_000_000, undefined, count.tx);
    return (await db.query(count.statements[0].text, count.statements[0].values)).rowCount ?? 0;
  });

  let service: ServiceProcess | undefined;
  const stopOnSignal = () => void service?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    service = await startServiceProcess({
      service: SERVICE,
      env: {
        ...demoEnv(),
        NODE_ENV: 'development',
        PORT: String(await freePort()),
        [info.databaseEnv]: databaseUrl,
        KAFKA_CONSUMER_GROUP: `${SERVICE}-bench`,
      },
    });
    const load = (seconds: number) =>
      measure({
        url: `${service!.baseUrl}${PATH}`,
        connections: CONCURRENCY,
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
      });
    let token = await getToken(IDENTITY, { fresh: true });
    await load(2); // warm-up: JIT, pool connections, the token's key
    token = await getToken(IDENTITY, { fresh: true }); // a step must not outlive its token
    const api = await load(SECONDS);
    await service.stop();
    const direct = await pgLoad(databaseUrl, statements, CONCURRENCY, SECONDS);
    console.log(render(api, direct, matches));
  } finally {
    await service?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
