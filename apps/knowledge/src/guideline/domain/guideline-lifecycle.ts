import { DraftExistsError, GuidelineTransitionError } from './guideline.errors';

/**
 * Versions of a guideline (visitationsretningslinje) or pathway description (forløbsbeskrivelse):
 * DRAFT → PUBLISHED (the state approves) → RETIRED (superseded by the next published version, or withdrawn).
 * A guideline has at most one draft and one published version at a time.
 */
export const GUIDELINE_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type GuidelineStatus = (typeof GUIDELINE_STATUSES)[number];

export interface VersionState {
  id: string;
  number: number;
  status: GuidelineStatus;
}

const statusesOf = (versions: readonly VersionState[]) => versions.map((v) => `${v.number}:${v.status}`);

/** The draft a change or publication applies to. */
export function currentDraft(versions: readonly VersionState[], command: string): VersionState {
  const draft = versions.find((v) => v.status === 'DRAFT');
  if (!draft) throw new GuidelineTransitionError(command, 'draft', statusesOf(versions));
  return draft;
}

/** The number of a new draft: refused while one exists (change that one instead). */
export function nextDraftNumber(versions: readonly VersionState[]): number {
  const draft = versions.find((v) => v.status === 'DRAFT');
  if (draft) throw new DraftExistsError(draft.number);
  return Math.max(0, ...versions.map((v) => v.number)) + 1;
}

/** Publishing the draft retires the published version it replaces (cause SUPERSEDED). */
export function publication(versions: readonly VersionState[]): {
  publish: VersionState;
  supersede: VersionState | undefined;
} {
  const publish = currentDraft(versions, 'publish');
  return { publish, supersede: versions.find((v) => v.status === 'PUBLISHED') };
}

/** Withdrawing the published version (cause WITHDRAWN): the guideline then has none until the next is published. */
export function withdrawal(versions: readonly VersionState[]): VersionState {
  const published = versions.find((v) => v.status === 'PUBLISHED');
  if (!published) throw new GuidelineTransitionError('retire', 'published', statusesOf(versions));
  return published;
}
