/**
 * What a fault test proves, per downstream effect: of the effects the platform accepted (sent), how many exist
 * (applied), how many exist more than once (duplicated: every copy beyond the first), and how many are missing
 * (lost).
 */
export interface EffectTally {
  effect: string;
  sent: number;
  applied: number;
  duplicated: number;
  lost: number;
}

/** Tallies one effect from how often each sent key exists downstream (0 = lost, 2 = one duplicate). */
export function tally(
  effect: string,
  sent: readonly string[],
  occurrences: ReadonlyMap<string, number>,
): EffectTally {
  let applied = 0;
  let duplicated = 0;
  for (const key of new Set(sent)) {
    const n = occurrences.get(key) ?? 0;
    if (n > 0) applied += 1;
    duplicated += Math.max(0, n - 1);
  }
  return { effect, sent: new Set(sent).size, applied, duplicated, lost: new Set(sent).size - applied };
}

/**
 * Tallies an effect that is only visible as a total (an offer's occupancy): more than sent is duplication,
 * fewer is loss.
 */
export function countTally(effect: string, sent: number, found: number): EffectTally {
  const applied = Math.min(found, sent);
  return { effect, sent, applied, duplicated: Math.max(0, found - sent), lost: sent - applied };
}

/** The only acceptable outcome: every sent effect applied once. */
export function exactlyOnce(rows: readonly EffectTally[]): EffectTally[] {
  return rows.map((r) => ({ ...r, applied: r.sent, duplicated: 0, lost: 0 }));
}

/** Prints the table the fault tests report (to stdout, so it shows in the test command's output). */
export function printTally(title: string, rows: readonly EffectTally[]): void {
  const header = ['effect', 'sent', 'applied', 'duplicated', 'lost'];
  const cells = rows.map((r) => [r.effect, ...[r.sent, r.applied, r.duplicated, r.lost].map(String)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const text = [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join(
    '\n',
  );
  process.stdout.write(`\n${text}\n\n`);
}
