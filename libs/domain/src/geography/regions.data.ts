import type { Region } from './geography.types';

/**
 * Regions over time, copied from shared/reference/regions.csv (codes per DAWA /regioner and SDFI DAGI;
 * ISO and NUTS codes per DK Core and DST). Never assume there are five: ask `regionsOn(date)`.
 */
export const REGIONS: readonly Region[] = Object.freeze(
  [
    { code: '1081', name: 'Region Nordjylland', validFrom: '2007-01-01', iso3166_2: 'DK-81', nuts2: 'DK05' },
    { code: '1082', name: 'Region Midtjylland', validFrom: '2007-01-01', iso3166_2: 'DK-82', nuts2: 'DK04' },
    { code: '1083', name: 'Region Syddanmark', validFrom: '2007-01-01', iso3166_2: 'DK-83', nuts2: 'DK03' },
    // Hovedstaden and Sjælland end on the day Østdanmark begins (health-structure reform, L 214 2024-25).
    {
      code: '1084',
      name: 'Region Hovedstaden',
      validFrom: '2007-01-01',
      validTo: '2027-01-01',
      iso3166_2: 'DK-84',
      nuts2: 'DK01',
    },
    {
      code: '1085',
      name: 'Region Sjælland',
      validFrom: '2007-01-01',
      validTo: '2027-01-01',
      iso3166_2: 'DK-85',
      nuts2: 'DK02',
    },
    // The official DAGI/DAWA code of Region Østdanmark was NOT confirmed when this was written (DOMAIN.md,
    // geography-sources.md): it may be new, or 1084/1085 may be reused. 1086 is a placeholder of ours; when the
    // official code is published, change it here (and in region-memberships.data.ts) and drop `provisional`.
    { code: '1086', name: 'Region Østdanmark', validFrom: '2027-01-01', provisional: true },
  ].map((r) => Object.freeze(r)),
);
