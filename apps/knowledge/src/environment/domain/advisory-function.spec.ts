import {
  answersFor,
  isActiveOn,
  isValidOn,
  orgTypeOfCode,
  placeOf,
  type AdvisoryFunctionFacts,
} from './advisory-function';

const fn = (over: Partial<AdvisoryFunctionFacts> = {}): AdvisoryFunctionFacts => ({
  id: 'f',
  planningFunctionId: null,
  offerId: 'o',
  targetGroup: 'VISION',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  operatorOrgType: 'region',
  operatorOrgCode: '1084',
  municipalityCode: '101',
  offerActive: true,
  ...over,
});

describe('advisory function validity', () => {
  it('counts the first and the last day (validTo is inclusive)', () => {
    expect(isValidOn(fn(), '2026-01-01')).toBe(true);
    expect(isValidOn(fn(), '2030-12-31')).toBe(true);
    expect(isValidOn(fn(), '2025-12-31')).toBe(false);
    expect(isValidOn(fn(), '2031-01-01')).toBe(false);
  });

  it('is not active when its offer is closed', () => {
    expect(isActiveOn(fn({ offerActive: false }), '2026-06-01')).toBe(false);
  });
});

describe('placeOf', () => {
  it("reads the offer's address on the date: København is Hovedstaden in 2026, Østdanmark in 2027", () => {
    expect(placeOf(fn(), '2026-12-31')).toEqual({ kind: 'region', regionCode: '1084' });
    expect(placeOf(fn(), '2027-01-01')).toEqual({ kind: 'region', regionCode: '1086' });
  });

  it("falls back to the operator: a municipality's region, a region (or its successor)", () => {
    const municipal = fn({ municipalityCode: null, operatorOrgType: 'municipality', operatorOrgCode: '751' });
    expect(placeOf(municipal, '2026-06-01')).toEqual({ kind: 'region', regionCode: '1082' });
    const regional = fn({ municipalityCode: null, operatorOrgType: null, operatorOrgCode: '1085' });
    expect(placeOf(regional, '2026-06-01')).toEqual({ kind: 'region', regionCode: '1085' });
    expect(placeOf(regional, '2027-03-01')).toEqual({ kind: 'region', regionCode: '1086' });
  });

  it('is national for a function the state operates, and undefined when nothing places it', () => {
    expect(placeOf(fn({ operatorOrgType: 'state', operatorOrgCode: 'state' }), '2026-06-01')).toEqual({
      kind: 'national',
    });
    expect(
      placeOf(fn({ municipalityCode: null, operatorOrgType: null, operatorOrgCode: null }), '2026-06-01'),
    ).toBeUndefined();
  });

  it('knows the kind of an organisation by its code', () => {
    expect([orgTypeOfCode('101'), orgTypeOfCode('1084'), orgTypeOfCode('state'), orgTypeOfCode('x')]).toEqual(
      ['municipality', 'region', 'state', null],
    );
  });
});

describe('answersFor', () => {
  it('is true for the operator and the region the function lies in, and for the state on national ones', () => {
    const f = fn({ operatorOrgType: 'municipality', operatorOrgCode: '751', municipalityCode: '751' });
    expect(answersFor(f, '2026-06-01', { orgType: 'municipality', orgCode: '751' })).toBe(true);
    expect(answersFor(f, '2026-06-01', { orgType: 'region', orgCode: '1082' })).toBe(true);
    expect(answersFor(f, '2026-06-01', { orgType: 'region', orgCode: '1084' })).toBe(false);
    const national = fn({ operatorOrgType: 'state', operatorOrgCode: 'state', municipalityCode: null });
    expect(answersFor(national, '2026-06-01', { orgType: 'state', orgCode: 'state' })).toBe(true);
  });
});
