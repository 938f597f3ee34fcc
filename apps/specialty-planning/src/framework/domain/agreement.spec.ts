import { findElectionPeriod, findFrameworkArea, type ValidationFailed } from '@platform/domain';
import { agreementParties, AgreementPartyError, PeriodOutsideAreaError } from './agreement-parties';
import {
  AgreementNotExpirableError,
  assertInitialStatus,
  assertStatusChange,
  InvalidAgreementTransitionError,
} from './agreement-status';

const area = (code: string) => findFrameworkArea(code)!;
const period = (code: string) => findElectionPeriod(code)!;
const pointersOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as ValidationFailed).pointers;
  }
  return undefined;
};

describe('the parties of a social and special-education agreement', () => {
  it('are the area’s region and one of its municipalities, for an election period', () => {
    const { municipality, period: p } = agreementParties(area('RA-1082'), '0751', '2026-2029');
    expect(municipality.code).toBe('751');
    expect(p.validFrom).toBe('2026-01-01');
  });

  it('keep an agreement of 2026-2029 with Hovedstaden’s area and give Østdanmark’s its own', () => {
    expect(agreementParties(area('RA-1084'), '101', '2026-2029').municipality.code).toBe('101');
    expect(agreementParties(area('RA-1086'), '101', '2026-2029').municipality.code).toBe('101');
    expect(() => agreementParties(area('RA-1084'), '101', '2030-2033')).toThrow(PeriodOutsideAreaError);
    expect(() => agreementParties(area('RA-1086'), '101', '2022-2025')).toThrow(PeriodOutsideAreaError);
  });

  it('refuse a municipality outside the area, naming the field', () => {
    expect(() => agreementParties(area('RA-1083'), '751', '2026-2029')).toThrow(AgreementPartyError);
    expect(pointersOf(() => agreementParties(area('RA-1083'), '751', '2026-2029'))).toEqual([
      '/municipalityCode',
    ]);
    expect(pointersOf(() => agreementParties(area('RA-1083'), '999', '2026-2029'))).toEqual([
      '/municipalityCode',
    ]);
    expect(pointersOf(() => agreementParties(area('RA-1083'), '461', '2025-2028'))).toEqual([
      '/electionPeriod',
    ]);
  });
});

describe('the status of an agreement', () => {
  const p = period('2022-2025');
  it('moves draft → negotiating → signed, and may be reopened for revision', () => {
    expect(() => assertStatusChange('DRAFT', 'NEGOTIATING', p, '2024-01-01')).not.toThrow();
    expect(() => assertStatusChange('NEGOTIATING', 'SIGNED', p, '2024-01-01')).not.toThrow();
    expect(() => assertStatusChange('SIGNED', 'NEGOTIATING', p, '2024-01-01')).not.toThrow();
  });

  it('expires only after the last day of its election period, and then never changes', () => {
    expect(() => assertStatusChange('SIGNED', 'EXPIRED', p, '2025-12-31')).toThrow(
      AgreementNotExpirableError,
    );
    expect(() => assertStatusChange('SIGNED', 'EXPIRED', p, '2026-01-01')).not.toThrow();
    expect(() => assertStatusChange('EXPIRED', 'SIGNED', p, '2026-01-01')).toThrow(
      InvalidAgreementTransitionError,
    );
  });

  it('refuses a step that is not one (signed → draft, same status)', () => {
    expect(() => assertStatusChange('SIGNED', 'DRAFT', p, '2024-01-01')).toThrow(
      InvalidAgreementTransitionError,
    );
    expect(() => assertStatusChange('DRAFT', 'DRAFT', p, '2024-01-01')).toThrow(
      InvalidAgreementTransitionError,
    );
  });

  it('may be registered as expired only for a period that is over', () => {
    expect(() => assertInitialStatus('EXPIRED', p, '2026-02-01')).not.toThrow();
    expect(() => assertInitialStatus('EXPIRED', period('2026-2029'), '2026-02-01')).toThrow(
      AgreementNotExpirableError,
    );
    expect(() => assertInitialStatus('SIGNED', period('2026-2029'), '2026-02-01')).not.toThrow();
  });
});
