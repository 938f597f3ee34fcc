import type { CostLine } from '../cost/domain/accrual';
import { InvalidInvoiceTransition, invoicesFor, invoiceTransition } from './co-financing.domain';

const line = (over: Partial<CostLine>): CostLine => ({
  referralId: 'r1',
  municipalityCode: '101',
  citizenPseudonym: 'a'.repeat(64),
  offerId: 'o1',
  targetGroup: 'VISION',
  month: '2027-01',
  firstDay: '2027-01-01',
  lastDay: '2027-01-31',
  days: 31,
  responsibility: 'REGIONAL',
  payer: { type: 'region', code: '1086' },
  unit: 'DAY',
  rateOre: 450_000,
  amountOre: 31 * 450_000,
  knowledgeOverheadOre: 0,
  ...over,
});

describe('co-financing invoices', () => {
  const schedule = [
    { fromMonth: 1, sharePercentBp: 1000 },
    { fromMonth: 13, sharePercentBp: 2500 },
  ];

  it('are issued by the region that carries the month (Østdanmark from 2027), to the referring municipality', () => {
    const lines = [
      line({}),
      line({ payer: { type: 'municipality', code: '101' }, referralId: 'r2' }),
      line({ month: '2026-12', payer: { type: 'region', code: '1084' } }),
    ];
    const invoices = invoicesFor(lines, '1086', '2027-01', new Map([['r1', '2026-02-01']]), schedule);
    expect(invoices).toEqual([
      {
        regionCode: '1086',
        municipalityCode: '101',
        referralId: 'r1',
        month: '2027-01',
        costOre: 13_950_000,
        sharePercentBp: 1000,
        amountOre: 1_395_000,
      },
    ]);
    expect(
      invoicesFor(lines, '1084', '2026-12', new Map([['r1', '2026-02-01']]), schedule)[0]!.regionCode,
    ).toBe('1084');
  });

  it('take the share of the placement’s duration band (the 13th month costs more)', () => {
    const [invoice] = invoicesFor(
      [line({ month: '2027-02' })],
      '1086',
      '2027-02',
      new Map([['r1', '2026-02-01']]),
      schedule,
    );
    expect(invoice!.sharePercentBp).toBe(2500);
  });

  it('go from issued to paid or disputed, and a disputed one may still be paid', () => {
    expect(invoiceTransition('ISSUED', 'DISPUTED')).toBe('DISPUTED');
    expect(invoiceTransition('DISPUTED', 'PAID')).toBe('PAID');
    expect(() => invoiceTransition('PAID', 'DISPUTED')).toThrow(InvalidInvoiceTransition);
  });
});
