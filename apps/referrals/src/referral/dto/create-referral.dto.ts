import { Cpr, InvalidCprError, SPECIALISATION_LEVELS, todayInDenmark } from '@platform/domain';
import { calendarDate, freeText, targetGroupInput } from '@platform/http';
import { z } from 'zod';

/** The CPR number, validated without ever echoing it back. */
const cpr = z.string().superRefine((value, ctx) => {
  try {
    Cpr.parse(value);
  } catch (error) {
    if (!(error instanceof InvalidCprError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

/** Opret visitationssag: the body of POST /api/v1/referrals. */
export const createReferralSchema = z
  .strictObject({
    cpr: cpr.meta({
      description: "The citizen's CPR number, DDMMYY-SSSS or DDMMYYSSSS",
      example: '0101901234',
    }),
    targetGroup: targetGroupInput.meta({
      description: 'Målgruppe: platform code or FFB code',
      example: 'VISION',
    }),
    assessedLevel: z.enum(SPECIALISATION_LEVELS).meta({ description: 'Assessed level of specialisation' }),
    referralDate: calendarDate.optional().meta({ description: 'Date of the referral; today when left out' }),
    caseworkerDoubt: z
      .boolean()
      .default(false)
      .meta({ description: "The case worker doubts the citizen's needs" }),
    urgent: z
      .boolean()
      .default(false)
      .meta({ description: 'Akut anbringelse: may be decided before advice' }),
    urgentReason: freeText(2000, 10).optional(),
  })
  .refine((body) => !body.urgent || body.urgentReason, {
    path: ['urgentReason'],
    message: 'required when urgent is true',
  })
  .superRefine(bornByReferralDate);

/**
 * The citizen must be born on or before the referral date (the age group is computed on it): a birth date in
 * the future is a wrong CPR number, a referral date before the birth a wrong date. Neither date is echoed.
 */
function bornByReferralDate(body: { cpr: string; referralDate?: string }, ctx: z.RefinementCtx): void {
  const birthDate = Cpr.tryParse(body.cpr)?.birthDate;
  if (!birthDate) return;
  if (birthDate > todayInDenmark()) {
    ctx.addIssue({ code: 'custom', path: ['cpr'], message: 'the date of birth lies in the future' });
  } else if (body.referralDate && body.referralDate < birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['referralDate'],
      message: "must not be before the citizen's date of birth",
    });
  }
}

export type CreateReferralInput = z.infer<typeof createReferralSchema>;
