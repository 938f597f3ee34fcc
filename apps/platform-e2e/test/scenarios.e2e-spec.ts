import { buildDistIfNeeded, startServiceProcess, type ServiceProcess } from '@platform/testing';
import { SCENARIOS } from '../src/scenarios';
import { platformAt, SERVICE_NAMES, type Platform, type ServiceName } from '../src/support/platform';
import { newContext, runStep, type Patience, type StepContext } from '../src/support/scenario';

/**
 * Scenarios 1–7 of ../shared/design/SCENARIOS.md, the same definitions `tools/scenario` runs, against the five
 * services each started as its own process (libs/testing startServiceProcess: dist/, its `_test` database, the
 * real Kafka and Keycloak). One test per step, so a failure names the step; a scenario's later steps do not run
 * after one of its steps failed. The platform is set up for every step, so a step that would skip (`ctx.skip`)
 * fails here. The scenarios' gap steps (steps the platform cannot carry yet) are not run here.
 */

// After the integration tests the consumers of freshly started services may first work through what those tests
// published, and the audit ledger appends one event per transaction: waits are longer than against `npm start`.
const PATIENCE: Patience = { effectMs: 180_000, auditMs: 600_000, deadlineMs: 600_000 };

/**
 * The referral's advice deadline in seconds, not 14 days, so scenario 3 sees it pass, and a scan every 5 s to
 * notice it. 90 s leaves scenario 3 room to decide before the deadline (it checks "not overdue" then), and only
 * referrals submitted to this instance get it: the scan reads each row's own advice_due_at. The other scenarios'
 * referrals may pass it while they wait for advice; the flag clears when advice arrives, and none of them
 * checks it.
 */
const SERVICE_ENV: Partial<Record<ServiceName, Record<string, string>>> = {
  referrals: { ADVICE_DEADLINE: 'PT90S', ADVICE_OVERDUE_SCAN_MS: '5000' },
};
const STEP_TIMEOUT_MS = 15 * 60_000;
const print = (line: string) => void process.stdout.write(`${line}\n`);

describe('scenarios 1–7 across the platform', () => {
  const services: ServiceProcess[] = [];
  let platform: Platform;

  beforeAll(async () => {
    buildDistIfNeeded('referrals'); // once for all five: tools/build.ts builds every service
    services.push(
      ...(await Promise.all(SERVICE_NAMES.map((name) => startServiceProcess(name, SERVICE_ENV[name])))),
    );
    const urls = Object.fromEntries(services.map((s) => [s.name, s.baseUrl])) as Record<ServiceName, string>;
    platform = platformAt(urls);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
  });

  for (const scenario of SCENARIOS) {
    describe(`scenario ${scenario.number}: ${scenario.title}`, () => {
      const { steps } = scenario.plan();
      let ctx: StepContext;
      let failed: string | undefined;

      beforeAll(() => {
        ctx = newContext(platform, print, PATIENCE, { everyStep: true });
        print(`scenario ${scenario.number}: ${scenario.title} (run ${ctx.runTag})`);
      });

      for (const step of steps) {
        it(
          step.name,
          async () => {
            if (failed) throw new Error(`not run: the earlier step "${failed}" failed`);
            try {
              await runStep(scenario.number, step, ctx, print);
            } catch (error) {
              failed = step.name;
              throw error;
            }
          },
          STEP_TIMEOUT_MS,
        );
      }
    });
  }
});
