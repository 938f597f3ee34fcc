import type { Language } from './dictionary';

/** Danish formats in Danish (1.234,50 kr., 26.11.2026), British English otherwise. */
const locale = (language: Language) => (language === 'da' ? 'da-DK' : 'en-GB');

export function formatters(language: Language) {
  const l = locale(language);
  const dkk = new Intl.NumberFormat(l, { style: 'currency', currency: 'DKK' });
  const number = new Intl.NumberFormat(l);
  const date = new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
  const dateTime = new Intl.DateTimeFormat(l, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  return {
    /** Amounts travel in øre (integers): 123450 → 1.234,50 kr. */
    kroner: (ore: number | null | undefined) => (ore == null ? '–' : dkk.format(ore / 100)),
    number: (n: number | null | undefined) => (n == null ? '–' : number.format(n)),
    percent: (n: number) =>
      new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 }).format(n),
    /** `2026-01-15` (a calendar date) or an ISO instant. */
    date: (iso: string | null | undefined) =>
      iso ? date.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '–',
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '–'),
  };
}
export type Formatters = ReturnType<typeof formatters>;
