/**
 * CPR-shaped digit runs in a text: ten digits (or six, a hyphen, four) standing alone, whose first six are a
 * day and month that exist (DDMMYY). A log line may hold ids, hashes, epoch seconds and durations: a UUID or a
 * hex hash has no standalone run of ten digits, and epoch seconds (17…) have no month 13–99, so what this finds
 * is worth a look.
 */
const CPR_SHAPED = /(?<![\w-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\w-])/g;

export interface CprFinding {
  line: number;
  /** Only where the run is, never the run: the scan's own output must not leak what it found. */
  column: number;
}

export function cprShapedRuns(text: string): CprFinding[] {
  const findings: CprFinding[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(CPR_SHAPED)) {
      const day = Number(match[1]);
      const month = Number(match[2]);
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        findings.push({ line: index + 1, column: (match.index ?? 0) + 1 });
      }
    }
  });
  return findings;
}
