import type { AdviceCaseView } from './advice-case.view';

const ASSIGNMENT = {
  kind: 'OWN_REGION' as const,
  advisoryFunctionId: '2b9e4d1a-7c3f-4e8a-b6d2-91f0a3c5e7b4',
  functionId: 'c4a7e2f9-1d3b-4a6c-8e5f-2b9d0c7a1e36',
  offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
  regionCode: '1084',
  advisorOrgType: 'region',
  advisorOrgCode: '1084',
};

export const ADVICE_CASE_EXAMPLE: AdviceCaseView = {
  id: '9d3f1b7a-2c4e-4a6b-8f0d-1e3a5c7b9d2f',
  referralId: '4e6a8c0b-1d3f-4b5a-9c7e-2f4a6b8d0c1e',
  origin: 'REFERRAL',
  status: 'ASSIGNED',
  municipalityCode: '101',
  citizen: {
    pseudonym: '9f2b6c0e4a8d1f3b5c7e9a1d3f5b7c9e1a3d5f7b9c1e3a5d7f9b1c3e5a7d9f1b',
    ageGroup: 'ADULT',
  },
  targetGroup: 'VISION',
  assessedLevel: 'HIGH',
  reasons: ['HIGH_LEVEL', 'REGIONAL_RESPONSIBILITY'],
  question: null,
  deadline: {
    workingDays: 10,
    caseDate: '2026-03-02',
    dueDate: '2026-03-16',
    dueAt: '2026-03-16T23:00:00.000Z',
    workingDaysLeft: 7,
    overdue: false,
    overdueAt: null,
  },
  assignment: ASSIGNMENT,
  history: [
    { position: 1, ...ASSIGNMENT, cause: 'OPENED', reason: null, assignedAt: '2026-03-02T09:30:00.000Z' },
  ],
  advice: null,
  decision: null,
  version: 1,
  openedAt: '2026-03-02T09:30:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
};

export const ADVICE_GIVEN_EXAMPLE: AdviceCaseView = {
  ...ADVICE_CASE_EXAMPLE,
  status: 'ADVICE_GIVEN',
  advice: {
    level: 'HIGH',
    offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
    offerType: null,
    rationale: 'Behov for højt specialiseret synsrehabilitering med døgnophold',
    guidelineVersionId: '1c8d0e3f-5a2b-4d4c-9e6f-7b8a9c0d1e2f',
    givenAt: '2026-03-05T13:00:00.000Z',
    onTime: true,
  },
  version: 2,
};
