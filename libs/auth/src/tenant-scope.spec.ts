import type { Principal } from './principal';
import {
  hasOrgCode,
  isOwnOrganisation,
  OrgTypeForbiddenError,
  requireOrgType,
  scopeFor,
  tenantOf,
  type ScopeRules,
} from './tenant-scope';

const principal = (orgType: Principal['orgType'], orgCode: string): Principal => ({
  subject: 'sub-1',
  clientId: 'client-1',
  orgType,
  orgCode,
  roles: ['caseworker'],
});
const copenhagen = principal('municipality', '101');
const capitalRegion = principal('region', '1084');
const state = principal('state', 'state');

describe('tenant scope', () => {
  it('names the organisation a caller acts for, and nothing else of the principal', () => {
    expect(tenantOf(copenhagen)).toEqual({ orgType: 'municipality', orgCode: '101' });
  });

  it('recognises the own organisation only by kind and code together', () => {
    expect(isOwnOrganisation(copenhagen, 'municipality', '101')).toBe(true);
    expect(isOwnOrganisation(copenhagen, 'municipality', '147')).toBe(false);
    expect(isOwnOrganisation(copenhagen, 'region', '101')).toBe(false);
  });

  it('matches an organisation code that is stored without its kind, never a missing one', () => {
    expect(hasOrgCode(capitalRegion, '1084')).toBe(true);
    expect(hasOrgCode(capitalRegion, '101')).toBe(false);
    expect(hasOrgCode(capitalRegion, null)).toBe(false);
    expect(hasOrgCode(capitalRegion, undefined)).toBe(false);
  });

  describe('requireOrgType', () => {
    it('lets an allowed kind of organisation through', () => {
      expect(() => requireOrgType(copenhagen, ['municipality', 'region'])).not.toThrow();
      expect(() => requireOrgType(capitalRegion, ['municipality', 'region'])).not.toThrow();
    });

    it('refuses another kind with a forbidden domain error naming the kinds allowed', () => {
      expect(() => requireOrgType(state, ['municipality', 'region'])).toThrow(OrgTypeForbiddenError);
      expect(() => requireOrgType(state, ['municipality', 'region'])).toThrow(
        expect.objectContaining({
          kind: 'forbidden',
          code: 'FORBIDDEN',
          orgType: 'state',
          allowed: ['municipality', 'region'],
          message: 'a state may not do this; only: municipality, region',
        }),
      );
    });

    it('gives the reason the caller supplies', () => {
      expect(() =>
        requireOrgType(capitalRegion, ['municipality'], 'only municipalities refer citizens'),
      ).toThrow('only municipalities refer citizens');
    });
  });

  describe('scopeFor', () => {
    type Filter = { ownerCode?: string; none?: true };
    const rules: ScopeRules<Filter> = { municipality: ({ orgCode }) => ({ ownerCode: orgCode }) };

    it("builds the scope from the rule for the caller's kind, with the caller's organisation", () => {
      expect(scopeFor(copenhagen, rules, { none: true })).toEqual({ ownerCode: '101' });
    });

    it('gives the closed scope to a kind without a rule', () => {
      expect(scopeFor(capitalRegion, rules, { none: true })).toEqual({ none: true });
      expect(scopeFor(state, {}, { none: true })).toEqual({ none: true });
    });
  });
});
