import { Money } from '@platform/domain';
import { z } from 'zod';

/**
 * Kroner as input: a decimal string or number with at most 2 decimals ("860000.00"), converted exactly to integer
 * øre (Money.ofKroner); more decimals are refused, never rounded.
 */
export const kronerInput = z
  .union([z.string().max(20), z.number()])
  .transform((value, ctx) => {
    try {
      const ore = Money.ofKroner(value).ore;
      if (ore < 0) throw new Error('negative');
      return ore;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a non-negative amount in kroner with at most 2 decimals' });
      return z.NEVER;
    }
  })
  .meta({ description: 'Kroner, at most 2 decimals (sent as a string to stay exact)', example: '4500.00' });

/** A percentage with at most 2 decimals (25 or "12.5"), as basis points (2500). */
export const percentInput = z
  .union([z.string().max(10), z.number()])
  .transform((value, ctx) => {
    const bp = Number(value) * 100;
    if (!Number.isFinite(bp) || bp < 0 || bp > 10_000 || Math.abs(bp - Math.round(bp)) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: 'a percentage 0–100 with at most 2 decimals' });
      return z.NEVER;
    }
    return Math.round(bp);
  })
  .meta({ description: 'Percent, 0–100, at most 2 decimals', example: 25 });

/** Integer øre in a view, with kroner beside it for people. */
export const oreView = z.number().int().meta({ description: 'Amount in øre (1 kr = 100 øre)' });
export const year = z.coerce.number().int().min(2000).max(2100);
