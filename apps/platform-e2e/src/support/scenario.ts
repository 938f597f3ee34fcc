import { ScenarioFailure } from './failure';
import { newRunTag } from './ids';
import type { Platform } from './platform';

/** How long a step waits for asynchronous effects (one service reacting to another's events). */
export interface Patience {
  /** An effect in another service (a read model, an advice case, a cost line). */
  effectMs: number;
  /** A row in the audit ledger: the ledger appends one event per transaction and may have a backlog. */
  auditMs: number;
  /**
   * A deadline of the platform to pass (the referral's advice deadline): a platform set up for tests has one of
   * seconds (referrals' ADVICE_DEADLINE); one further off than this is out of a run's reach and the step skips.
   */
  deadlineMs: number;
}

export const DEFAULT_PATIENCE: Patience = { effectMs: 60_000, auditMs: 300_000, deadlineMs: 600_000 };

export interface StepContext {
  platform: Platform;
  patience: Patience;
  /** Unique to this run of the scenario: in names and request ids, so reruns never meet their own data. */
  runTag: string;
  /** When the scenario began: events and audit rows of this run are at or after it. */
  startedAt: Date;
  /** Records one thing the step checked; the runner prints it as `✓ <what>`. */
  check(what: string): void;
  /**
   * Ends the step unrun because the platform under test is not set up for it (a deadline days away), saying what
   * would make it run. Where every step must run (`everyStep`: the e2e suite, whose platform is set up for all
   * of them) this is a failure instead.
   */
  skip(reason: string): never;
}

/** One step of a scenario: API calls as the identity the scenario names, each effect checked. */
export interface Step {
  name: string;
  run(ctx: StepContext): Promise<void>;
}

/** A step the platform cannot carry yet: written, failing clearly, and left out of the run list until it can. */
export interface GapStep extends Step {
  /** What the platform lacks, in one sentence. */
  gap: string;
}

export interface ScenarioDefinition {
  number: number;
  title: string;
  /**
   * Fresh steps (sharing fresh state) for one run: the run list, and the gap steps, which follow it when asked
   * for (`--with-gaps`) and otherwise stay out of the run until the platform has what they need.
   */
  plan(): ScenarioPlan;
}

export interface ScenarioPlan {
  steps: Step[];
  gaps: GapStep[];
}

/** Thrown by `ctx.skip`: the step did not run on this platform. */
export class StepSkipped extends Error {
  override readonly name = 'StepSkipped';
}

/** The step of a scenario that failed, and why. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  constructor(
    readonly scenario: number,
    readonly step: string,
    readonly reason: string,
  ) {
    super(`scenario ${scenario}, step "${step}": ${reason}`);
  }
}

export type Print = (line: string) => void;

export function newContext(
  platform: Platform,
  print: Print,
  patience = DEFAULT_PATIENCE,
  options: { everyStep?: boolean } = {},
): StepContext {
  return {
    platform,
    patience,
    runTag: newRunTag(),
    startedAt: new Date(),
    check: (what) => print(`    ✓ ${what}`),
    skip: (reason) => {
      throw options.everyStep
        ? new ScenarioFailure(`this platform is not set up for the step: ${reason}`)
        : new StepSkipped(reason);
    },
  };
}

/**
 * Runs one step, printing its name, and turns any error into a StepFailure naming it. A skipped step (`ctx.skip`)
 * is printed with its reason and is no failure. Returns whether the step ran.
 */
export async function runStep(
  scenario: number,
  step: Step,
  ctx: StepContext,
  print: Print,
): Promise<'ran' | 'skipped'> {
  print(`  ▸ ${step.name}`);
  try {
    await step.run(ctx);
    return 'ran';
  } catch (error) {
    if (error instanceof StepSkipped) {
      print(`    – skipped: ${error.message}`);
      return 'skipped';
    }
    const reason = error instanceof ScenarioFailure || error instanceof Error ? error.message : String(error);
    throw new StepFailure(scenario, step.name, reason);
  }
}

/** Runs the scenario's steps in order and stops at the first failure (a StepFailure). Returns the time taken. */
export async function runScenario(
  definition: ScenarioDefinition,
  platform: Platform,
  print: Print,
  options: { withGaps?: boolean; patience?: Patience } = {},
): Promise<number> {
  const started = Date.now();
  const ctx = newContext(platform, print, options.patience);
  print(`scenario ${definition.number}: ${definition.title} (run ${ctx.runTag})`);
  const plan = definition.plan();
  const steps = [...plan.steps, ...(options.withGaps ? plan.gaps : [])];
  let skipped = 0;
  for (const step of steps) {
    if ((await runStep(definition.number, step, ctx, print)) === 'skipped') skipped++;
  }
  const ms = Date.now() - started;
  const note = skipped
    ? ` (${skipped} step${skipped > 1 ? 's' : ''} skipped: not set up on this platform)`
    : '';
  print(`  scenario ${definition.number} passed in ${(ms / 1000).toFixed(1)} s${note}`);
  return ms;
}
