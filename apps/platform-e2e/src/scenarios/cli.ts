/**
 * tools/scenario [n] [--with-gaps]: runs scenario n, or 1–7, against a running platform (`npm start`): base URLs
 * 127.0.0.1:3001–3005, or REFERRALS_URL, SPECIALTY_PLANNING_URL, KNOWLEDGE_URL, FINANCING_URL, AUDIT_URL.
 * Prints each step and what it checked; exits 1 at the first failure, naming the step and the reason.
 * SCENARIO_TIMEOUT_MS (default 60 000) bounds each wait for another service; SCENARIO_AUDIT_TIMEOUT_MS (300 000)
 * each wait for the audit ledger; SCENARIO_DEADLINE_TIMEOUT_MS (600 000) the wait for a deadline to pass. A step
 * the platform is not set up for is skipped, saying why: scenario 3's advice deadline passing needs the referrals
 * service started with a deadline of seconds (ADVICE_DEADLINE=PT90S, ADVICE_OVERDUE_SCAN_MS=5000; docs/referrals.md).
 */
import { platformFromEnv } from '../support/platform';
import { DEFAULT_PATIENCE, runScenario, StepFailure, type Patience } from '../support/scenario';
import { SCENARIOS, scenarioNumbered } from './index';

function patience(env: NodeJS.ProcessEnv): Patience {
  return {
    effectMs: Number(env.SCENARIO_TIMEOUT_MS ?? DEFAULT_PATIENCE.effectMs),
    auditMs: Number(env.SCENARIO_AUDIT_TIMEOUT_MS ?? DEFAULT_PATIENCE.auditMs),
    deadlineMs: Number(env.SCENARIO_DEADLINE_TIMEOUT_MS ?? DEFAULT_PATIENCE.deadlineMs),
  };
}

async function main(args: string[]): Promise<number> {
  const withGaps = args.includes('--with-gaps');
  const numbers = args.filter((a) => a !== '--with-gaps');
  if (numbers.some((n) => !/^\d+$/.test(n))) {
    console.error('usage: tools/scenario [n …] [--with-gaps]');
    return 2;
  }
  const chosen = numbers.length ? numbers.map((n) => scenarioNumbered(Number(n))) : SCENARIOS;
  const platform = platformFromEnv();
  const print = (line: string) => console.log(line);
  const started = Date.now();
  try {
    for (const scenario of chosen)
      await runScenario(scenario, platform, print, { withGaps, patience: patience(process.env) });
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    console.error(`✗ scenario ${error.scenario} failed at step "${error.step}":\n  ${error.reason}`);
    return 1;
  }
  console.log(`${chosen.length} scenario(s) passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
