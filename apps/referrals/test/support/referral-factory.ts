/** Valid create bodies; the CPR numbers are made up but have real dates. */
let serial = 1000;

export function newReferralBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    cpr: `0101${90 + (serial % 9)}${String(serial).padStart(4, '0').slice(-4)}`,
    targetGroup: 'VISION',
    assessedLevel: 'HIGH',
    referralDate: '2026-03-01',
    ...overrides,
  };
}

/** Every 10-digit run in a text: a CPR number could hide in any of them. */
export function containsCpr(text: string, cpr: string): boolean {
  const digits = cpr.replace('-', '');
  return text.includes(digits) || text.includes(`${digits.slice(0, 6)}-${digits.slice(6)}`);
}
