import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

// Shade 9 of each (the theme's primaryShade) under white text: every one at least 4.5:1 (WCAG AA).
const COLOURS: Record<string, string> = {
  DRAFT: 'gray',
  AWAITING_ADVICE: 'grape',
  READY_FOR_DECISION: 'blue',
  DECIDED: 'indigo',
  SENT_TO_OFFER: 'violet',
  ACCEPTED: 'teal.9',
  PLACEMENT_ACTIVE: 'teal',
  REJECTED: 'red.9',
  WITHDRAWN: 'gray',
  PENDING: 'grape',
  APPROVED: 'teal.9',
  ASSIGNED: 'grape',
  ADVICE_GIVEN: 'teal.9',
};

/** A status in words; the colour repeats the word, it never carries the meaning alone. */
export function StatusBadge({ status }: { status: string }) {
  const { status: label } = useI18n();
  return (
    <Badge color={COLOURS[status] ?? 'gray'} variant="filled" autoContrast>
      {label(status)}
    </Badge>
  );
}

export function FlagBadge({ label, colour = 'red.9' }: { label: string; colour?: string }) {
  return (
    <Badge color={colour} variant="filled" autoContrast>
      {label}
    </Badge>
  );
}
