import { LEGAL_BASES, type LegalBasis, type LegalBasisCode } from './legal-bases.data';

export { LEGAL_BASES, LEGAL_BASIS_CODES } from './legal-bases.data';
export type { LegalBasis, LegalBasisCode } from './legal-bases.data';

export function isLegalBasisCode(value: unknown): value is LegalBasisCode {
  return typeof value === 'string' && LEGAL_BASES.some((b) => b.code === value);
}

export function findLegalBasis(code: string): LegalBasis | undefined {
  return LEGAL_BASES.find((b) => b.code === code);
}
