/**
 * Who is responsible for the highly specialised placements of a target group (DOMAIN rule 2): the
 * municipality (kommunalt ansvar; it pays the rate and may claim refusion) or the region (regionalt ansvar;
 * block grant plus municipal co-financing). It rolls out per target group from an effective date, so it is
 * always asked for "on a date", never stored on the target group.
 */
export const RESPONSIBILITIES = ['MUNICIPAL', 'REGIONAL'] as const;

export type Responsibility = (typeof RESPONSIBILITIES)[number];

export function isResponsibility(value: unknown): value is Responsibility {
  return typeof value === 'string' && (RESPONSIBILITIES as readonly string[]).includes(value);
}
