import {
  responsibilityOn,
  type IsoDate,
  type Responsibility,
  type ResponsibilityChange,
} from '@platform/domain';

/** A recorded change, in the order it was recorded. */
export interface RecordedChange extends ResponsibilityChange {
  recordedAt: Date;
}

/** One step of a target group's timeline: from when it holds, and whether a later correction replaced it. */
export interface TimelineStep {
  responsibility: Responsibility;
  effectiveFrom: IsoDate;
  recordedAt: Date;
  /** A later recorded change with the same effective date replaced this one. */
  corrected: boolean;
}

/**
 * A target group's responsibility on a date and its timeline, from its changes in recording order (what
 * `responsibilityOn` needs to let the later of two same-day changes win), shown by effective date.
 */
export function timelineOf(changes: readonly RecordedChange[], targetGroup: string, on: IsoDate) {
  const own = changes.filter((c) => c.targetGroup === targetGroup);
  const steps: TimelineStep[] = own
    .map((change, i) => ({
      responsibility: change.responsibility,
      effectiveFrom: change.effectiveFrom,
      recordedAt: change.recordedAt,
      corrected: own.slice(i + 1).some((later) => later.effectiveFrom === change.effectiveFrom),
    }))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || +a.recordedAt - +b.recordedAt);
  return { responsibility: responsibilityOn(own, targetGroup, on), timeline: steps };
}
