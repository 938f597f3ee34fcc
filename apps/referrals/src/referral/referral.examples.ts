/** Examples for the OpenAPI document. The CPR number is a made-up test number. */
export const CREATE_REFERRAL_EXAMPLE = {
  cpr: '010190-1234',
  targetGroup: 'VISION',
  assessedLevel: 'HIGH',
  referralDate: '2026-01-15',
  caseworkerDoubt: false,
  urgent: false,
};

export const REFERRAL_VIEW_EXAMPLE = {
  id: '6f1c3a52-4e1b-4d59-9a51-1f0b7f0a2c11',
  status: 'DRAFT',
  municipalityCode: '101',
  citizen: { pseudonym: '9f2b…64 hex characters', ageGroup: 'ADULT' },
  targetGroup: 'VISION',
  assessedLevel: 'HIGH',
  referralDate: '2026-01-15',
  caseworkerDoubt: false,
  urgent: false,
  urgentReason: null,
  advice: { required: null, reasons: [], dueAt: null, overdue: false, given: null },
  decision: null,
  operatorOrgCode: null,
  rejection: null,
  placement: null,
  withdrawnReason: null,
  version: 1,
  createdAt: '2026-01-15T09:30:00.000Z',
  updatedAt: '2026-01-15T09:30:00.000Z',
};
