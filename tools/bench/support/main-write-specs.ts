import { TEST_OFFER_ADDRESS, type IdentityName } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { createBody } from './api-load';

/** What tools/bench/main-writes.ts measures of a service: its main write, as its tests make it. */
export interface MainWrite {
  service: string;
  /** The write in words, for the table. */
  what: string;
  identity: IdentityName;
  path: string;
  /** The table the write inserts its resource into, keyed by the id the API answers with. */
  table: string;
  body: () => object;
  /** Read models the write needs, seeded directly into the bench database (no other service runs). */
  seed?: (db: Client) => Promise<void>;
}

let n = 0;

/**
 * The placements the one-off entries are recorded for (financing's read model, normally from placement-started):
 * many, one picked per request, as a municipality records entries for many citizens. (With all entries on one
 * placement, 16 concurrent clients got no 2xx within a 10 s step, p50 5 s: docs/performance.md.)
 */
const PLACEMENTS = Array.from({ length: 1_000 }, () => randomUUID());

export const MAIN_WRITES: MainWrite[] = [
  {
    service: 'referrals',
    what: 'create a referral (POST /api/v1/referrals, municipal case system)',
    identity: 'muni-101-system',
    path: '/api/v1/referrals',
    table: 'referral',
    body: () => JSON.parse(createBody()) as object,
  },
  {
    // As libs/testing registerOffer: a region's planner registers an offer it operates.
    service: 'specialty-planning',
    what: 'register an offer (POST /api/v1/offers, region 1084 planner)',
    identity: 'planner-1084',
    path: '/api/v1/offers',
    table: 'offer',
    body: () => ({
      name: `Bench synscenter ${(n += 1)}`,
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 12,
      address: TEST_OFFER_ADDRESS['1084'],
      status: 'ACTIVE',
    }),
  },
  {
    // A case in doubt (tvivlssag), as apps/knowledge/test/advice-cases.int-spec.ts opens one: the one write that
    // needs no earlier case; with no advisory function in the bench roster it is assigned to the national one.
    service: 'knowledge',
    what: 'open an advice case in doubt (POST /api/v1/advice-cases, municipal case worker 751)',
    identity: 'caseworker-751',
    path: '/api/v1/advice-cases',
    table: 'advice_case',
    body: () => ({
      targetGroup: 'HEARING',
      question: 'Er der behov for højt specialiseret indsats for barnet?',
      ageGroup: 'CHILD',
    }),
  },
  {
    // As apps/financing/test/scenario-2.int-spec.ts: the municipality records a one-off expense for its placement.
    service: 'financing',
    what: 'record a one-off expense (POST /api/v1/one-off-entries, municipal case worker 751)',
    identity: 'caseworker-751',
    path: '/api/v1/one-off-entries',
    table: 'one_off_entry',
    body: () => ({
      referralId: PLACEMENTS[Math.floor(Math.random() * PLACEMENTS.length)],
      kind: 'ONE_OFF_EXPENSE',
      date: '2026-05-10',
      amount: '600.00',
      description: 'Bench entry',
    }),
    seed: async (db) => {
      await db.query(
        `INSERT INTO placement (referral_id, municipality_code, citizen_pseudonym, age_group, target_group, offer_id,
                                operator_org_code, level, start_date, deviation, advice_obtained, updated_at)
         SELECT id, '751', encode(sha256(id::text::bytea), 'hex'), 'CHILD', 'AUTISM', gen_random_uuid(), '1082',
                'MODERATE', '2026-01-01', false, false, now()
         FROM unnest($1::uuid[]) AS id`,
        [PLACEMENTS],
      );
    },
  },
];
