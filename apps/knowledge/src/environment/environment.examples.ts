import type { EnvironmentView } from './environment.view';

export const ENVIRONMENT_EXAMPLE: EnvironmentView = {
  offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
  name: 'Synscenter Hovedstaden',
  operator: { orgType: 'region', orgCode: '1084' },
  municipalityCode: '101',
  regionCode: '1084',
  active: true,
  targetGroups: ['VISION'],
  functions: [
    {
      id: '2b9e4d1a-7c3f-4e8a-b6d2-91f0a3c5e7b4',
      functionId: 'c4a7e2f9-1d3b-4a6c-8e5f-2b9d0c7a1e36',
      targetGroup: 'VISION',
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
      minimumYearlyVolume: 30,
      status: 'ACTIVE',
      expiryAnnounced: false,
    },
  ],
};
