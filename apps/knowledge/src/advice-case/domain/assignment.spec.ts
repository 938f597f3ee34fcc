import type { AdvisoryFunctionFacts } from '../../environment/domain/advisory-function';
import { assignAdviceCase, NATIONAL_ASSIGNMENT } from './assignment';

let n = 0;
const fn = (over: Partial<AdvisoryFunctionFacts>): AdvisoryFunctionFacts => ({
  id: `f${++n}`,
  planningFunctionId: null,
  offerId: `00000000-0000-0000-0000-00000000000${n}`,
  targetGroup: 'VISION',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  operatorOrgType: 'region',
  operatorOrgCode: '1084',
  municipalityCode: '101',
  offerActive: true,
  ...over,
});

const hovedstaden = fn({ operatorOrgCode: '1084', municipalityCode: '101' }); // København
const sjaelland = fn({ operatorOrgCode: '1085', municipalityCode: '330' }); // Slagelse
const syddanmark = fn({ operatorOrgCode: '1083', municipalityCode: '461' }); // Odense
const midtjylland = fn({ operatorOrgCode: '1082', municipalityCode: '751' }); // Aarhus
const national = fn({ operatorOrgType: 'state', operatorOrgCode: 'state', municipalityCode: null });

const assign = (
  municipalityCode: string,
  on: string,
  functions: AdvisoryFunctionFacts[],
  exclude?: string[],
) => assignAdviceCase({ targetGroup: 'VISION', municipalityCode, on, functions, exclude });

describe('assignment order (rule 3)', () => {
  it("goes to the function in the citizen's own region first", () => {
    const a = assign('101', '2026-03-02', [syddanmark, hovedstaden, sjaelland]);
    expect(a).toMatchObject({
      kind: 'OWN_REGION',
      advisoryFunctionId: hovedstaden.id,
      regionCode: '1084',
      advisorOrgType: 'region',
      advisorOrgCode: '1084',
    });
  });

  it('goes to the nearest region holding one when the own region holds none', () => {
    // Hovedstaden's nearest is Sjælland, then Syddanmark
    expect(assign('101', '2026-03-02', [syddanmark, sjaelland])).toMatchObject({
      kind: 'NEAREST_REGION',
      advisoryFunctionId: sjaelland.id,
      regionCode: '1085',
    });
    expect(assign('101', '2026-03-02', [midtjylland, syddanmark])).toMatchObject({
      kind: 'NEAREST_REGION',
      regionCode: '1083',
    });
    // Nordjylland's nearest is Midtjylland
    expect(assign('851', '2026-03-02', [syddanmark, midtjylland])).toMatchObject({ regionCode: '1082' });
  });

  it("goes to the state's national function when no region holds one, and to VISO when nothing does", () => {
    expect(assign('101', '2026-03-02', [national])).toMatchObject({
      kind: 'NATIONAL',
      advisoryFunctionId: national.id,
      advisorOrgType: 'state',
      regionCode: null,
    });
    expect(assign('101', '2026-03-02', [])).toEqual(NATIONAL_ASSIGNMENT);
  });

  it('ignores other target groups, expired or not yet valid approvals and closed offers', () => {
    const others = [
      fn({ targetGroup: 'AUTISM' }),
      fn({ validTo: '2026-03-01' }),
      fn({ validFrom: '2026-03-03' }),
      fn({ offerActive: false }),
    ];
    expect(assign('101', '2026-03-02', others)).toEqual(NATIONAL_ASSIGNMENT);
    // the last day of validity still counts
    expect(assign('101', '2026-03-01', [fn({ validTo: '2026-03-01' })]).kind).toBe('OWN_REGION');
  });

  it('skips functions that declined, moving on in the same order', () => {
    expect(assign('101', '2026-03-02', [hovedstaden, sjaelland], [hovedstaden.id])).toMatchObject({
      kind: 'NEAREST_REGION',
      advisoryFunctionId: sjaelland.id,
    });
  });

  it('picks the earliest approval within a region, whatever the input order', () => {
    const older = fn({ validFrom: '2025-01-01' });
    expect(assign('101', '2026-03-02', [hovedstaden, older]).advisoryFunctionId).toBe(older.id);
  });
});

describe('assignment across the 2027 merger of Hovedstaden and Sjælland', () => {
  it('sends a case from Roskilde in 2026 to Sjælland (own) and in 2027 to Østdanmark (own)', () => {
    expect(assign('265', '2026-12-31', [sjaelland, hovedstaden])).toMatchObject({
      kind: 'OWN_REGION',
      regionCode: '1085',
    });
    expect(assign('265', '2027-01-01', [hovedstaden, sjaelland])).toMatchObject({
      kind: 'OWN_REGION',
      regionCode: '1086',
    });
  });

  it("makes Sjælland's function the nearest for København in 2026 and its own region's in 2027", () => {
    expect(assign('101', '2026-12-31', [sjaelland])).toMatchObject({
      kind: 'NEAREST_REGION',
      regionCode: '1085',
    });
    expect(assign('101', '2027-01-04', [sjaelland])).toMatchObject({
      kind: 'OWN_REGION',
      regionCode: '1086',
    });
  });

  it('sends Østdanmark to Syddanmark first from 2027, while Hovedstaden went to Sjælland first', () => {
    expect(assign('101', '2027-01-04', [midtjylland, syddanmark])).toMatchObject({
      kind: 'NEAREST_REGION',
      regionCode: '1083',
    });
  });

  it('places a region-operated function known only by its operator in the successor region', () => {
    const byOperator = fn({ operatorOrgCode: '1085', municipalityCode: null, operatorOrgType: null });
    expect(assign('101', '2027-01-04', [byOperator])).toMatchObject({
      kind: 'OWN_REGION',
      regionCode: '1086',
      advisorOrgCode: '1085',
    });
  });
});
