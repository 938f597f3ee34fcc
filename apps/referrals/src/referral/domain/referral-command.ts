/**
 * The commands that move a referral. Who may send which command (municipality, operator, knowledge) is
 * decided at the edge; this list only names them.
 */
export const REFERRAL_COMMANDS = [
  'submit',
  'receiveAdvice',
  'decide',
  'sendToOffer',
  'accept',
  'reject',
  'startPlacement',
  'endPlacement',
  'withdraw',
] as const;

export type ReferralCommand = (typeof REFERRAL_COMMANDS)[number];

export function isReferralCommand(value: unknown): value is ReferralCommand {
  return typeof value === 'string' && (REFERRAL_COMMANDS as readonly string[]).includes(value);
}
