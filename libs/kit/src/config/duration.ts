import { z } from 'zod';

const SECOND_MS = 1000;
const UNIT_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: SECOND_MS } as const;

// Weeks, days, hours, minutes, seconds: the parts with a fixed length. Years and months are left out on purpose
// (how long is "P1M"?), and so are fractions: a setting is whole seconds at the finest.
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `PT90S` → 90 000, `P14D` → 1 209 600 000; undefined for anything else (and for `P`, `PT`). */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text.trim());
  if (!match || match.slice(1).every((part) => part === undefined)) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  const parts: [string | undefined, number][] = [
    [weeks, UNIT_MS.W],
    [days, UNIT_MS.D],
    [hours, UNIT_MS.H],
    [minutes, UNIT_MS.M],
    [seconds, UNIT_MS.S],
  ];
  return parts.reduce((ms, [count, unit]) => ms + (count ? Number(count) * unit : 0), 0);
}

/**
 * An environment variable holding an ISO-8601 duration (`PT90S`, `PT2M`, `P14D`), read as milliseconds and
 * bounded: a bad or out-of-range value stops the start with the variable named, as every setting does.
 */
export function isoDuration(bounds: { minMs: number; maxMs: number }) {
  return z.string().transform((text, ctx) => {
    const ms = parseIsoDuration(text);
    const problem =
      ms === undefined
        ? 'must be an ISO-8601 duration of weeks, days, hours, minutes and seconds, e.g. PT90S or P14D'
        : ms < bounds.minMs || ms > bounds.maxMs
          ? `must lie between ${describeMs(bounds.minMs)} and ${describeMs(bounds.maxMs)}`
          : undefined;
    if (problem === undefined) return ms as number;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}

/** 90 000 → `90 s`, 86 400 000 → `1 day`: bounds in the words a message reader thinks in. */
function describeMs(ms: number): string {
  if (ms % UNIT_MS.D === 0) return `${ms / UNIT_MS.D} day${ms === UNIT_MS.D ? '' : 's'}`;
  if (ms % SECOND_MS === 0) return `${ms / SECOND_MS} s`;
  return `${ms} ms`;
}
