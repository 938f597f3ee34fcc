import {
  MUNICIPALITIES,
  regionOfMunicipality,
  SPECIALISATION_LEVELS,
  TARGET_GROUP_CODES,
  todayInDenmark,
} from '@platform/domain';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/** A small seeded generator (mulberry32): the same directory on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedOffer {
  id: string;
  name: string;
  region: string;
  targetGroups: string[];
  level: string;
  places: number;
  status: string;
  municipality: string;
  parent: string | null;
}

/**
 * `n` offers of the regions in every municipality, with 1–2 target groups, every level, 0–30 places, one in
 * ten inactive, one in twenty a location-less intervention under the offer before it; and for each offer
 * 0…places+1 referrals holding a place (referral_activity), so the free-places filter has both answers.
 */
export async function seedOffers(db: Client, n: number): Promise<{ offers: number; occupied: number }> {
  const next = random(20270101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const today = todayInDenmark();
  const offers: SeedOffer[] = [];
  for (let i = 0; i < n; i++) {
    const previous = offers[i - 1];
    const intervention = i % 20 === 19 && previous && previous.parent === null;
    const municipality = intervention ? previous.municipality : pick(MUNICIPALITIES).code;
    offers.push({
      id: randomUUID(),
      name: `Bench ${String(i).padStart(5, '0')} ${pick(['Botilbud', 'Center', 'Team', 'Bo- og aktivitetstilbud'])}`,
      region: intervention ? previous.region : regionOfMunicipality(municipality, today).code,
      targetGroups: [...new Set([pick(TARGET_GROUP_CODES), pick(TARGET_GROUP_CODES)])].sort(),
      level: pick(SPECIALISATION_LEVELS),
      places: Math.floor(next() * 31),
      status: next() < 0.1 ? 'INACTIVE' : 'ACTIVE',
      municipality,
      parent: intervention ? previous.id : null,
    });
  }
  await db.query(
    `INSERT INTO offer (id, version, name, operator_org_type, operator_org_code, legal_bases, target_groups, level,
                        places, rate_per_day, status, street, postal_code, city, municipality_code, parent_offer_id,
                        created_at, updated_at)
     SELECT o.id, 1, o.name, 'region', o.region, ARRAY['SEL_108'], string_to_array(o.groups, ','), o.level, o.places,
            2450.00, o.status, CASE WHEN o.parent IS NULL THEN 'Benchvej 1' END,
            CASE WHEN o.parent IS NULL THEN '8000' END, CASE WHEN o.parent IS NULL THEN 'Bench' END,
            o.municipality, o.parent, now(), now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                 $9::uuid[]) AS o(id, name, region, groups, level, places, status, municipality, parent)`,
    [
      offers.map((o) => o.id),
      offers.map((o) => o.name),
      offers.map((o) => o.region),
      offers.map((o) => o.targetGroups.join(',')),
      offers.map((o) => o.level),
      offers.map((o) => o.places),
      offers.map((o) => o.status),
      offers.map((o) => o.municipality),
      offers.map((o) => o.parent),
    ],
  );
  const occupiedBy = offers.flatMap((o) =>
    Array.from({ length: Math.floor(next() * (o.places + 2)) }, () => o),
  );
  await db.query(
    `INSERT INTO referral_activity (referral_id, municipality_code, target_group, status, offer_id, updated_at)
     SELECT gen_random_uuid(), o.municipality, o.target_group, 'PLACEMENT_ACTIVE', o.offer_id, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(offer_id, municipality, target_group)`,
    [
      occupiedBy.map((o) => o.id),
      occupiedBy.map((o) => o.municipality),
      occupiedBy.map((o) => o.targetGroups[0]),
    ],
  );
  await db.query('ANALYZE offer; ANALYZE referral_activity');
  return { offers: offers.length, occupied: occupiedBy.length };
}
