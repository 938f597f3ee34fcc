import { TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventually } from '@platform/testing';
import { AnswerLog } from '../../src/faults/answers';
import { committedAdviceCases } from '../../src/faults/db-read';
import { adviceCases, auditRows, settle } from '../../src/faults/effects';
import { warmUp } from '../../src/faults/fixtures';
import { consumerLag, consumersIdle } from '../../src/faults/kafka-watch';
import { Platform } from '../../src/faults/platform';
import { inPool } from '../../src/faults/pool';
import { driveReferral, type DrivenReferral } from '../../src/faults/referral-journey';
import { exactlyOnce, printTally, tally } from '../../src/faults/tally';

/** The burst of referral events the consumer is killed in the middle of. */
const BURST = Number(process.env.FAULT_BURST ?? 300);

/**
 * Scenario 8, second half (issue 13): knowledge's consumer is killed with SIGKILL while it works through a
 * burst of advice-required events (it was stopped while M referrals were submitted, so they wait as consumer
 * lag, then started again), after it committed some of the burst and before the rest. Started once more, it
 * applies the rest: every referral has exactly one advice case, and every opened case exactly one ledger row.
 */
describe('scenario 8: a consumer killed with SIGKILL in the middle of a batch', () => {
  let platform: Platform;
  const today = todayInDenmark();
  let since: Date;
  let driven: DrivenReferral[] = [];
  let committedAtKill = -1;

  beforeAll(async () => {
    platform = await Platform.start(['audit', 'knowledge', 'referrals']);
    await warmUp(platform, { stage: 'submitted', date: today });
  }, 300_000);

  afterAll(async () => {
    await platform?.stopAll();
  }, 60_000);

  it(`kills knowledge after it applied part of a burst of ${BURST} advice-required events`, async () => {
    await platform.stop('knowledge');
    since = new Date();
    const log = new AnswerLog();
    const results = await inPool(Array.from({ length: BURST }), 8, () =>
      driveReferral(platform.api('referrals'), log, { stage: 'submitted', date: today }),
    );
    driven = results.filter((r): r is DrivenReferral => r?.reached === true);
    expect(log.summary(log.notOk())).toEqual({});
    expect(driven).toHaveLength(BURST);
    const ids = driven.map((r) => r.id);
    await eventually(async () => (await consumerLag('knowledge', TOPICS.referral)) >= BURST, 60_000);

    await platform.startOne('knowledge');
    // Kill as soon as a tenth of the burst is committed: the consumer is then inside the burst.
    await eventually(async () => (await committedAdviceCases(ids)) >= BURST / 10, 120_000);
    await platform.kill('knowledge');
    committedAtKill = await committedAdviceCases(ids);
    process.stdout.write(`\nknowledge killed with ${committedAtKill} of ${BURST} advice cases committed\n`);
    expect(committedAtKill).toBeGreaterThan(0);
    expect(committedAtKill).toBeLessThan(BURST);
  }, 300_000);

  it('applies the rest once restarted: nothing lost, nothing doubled', async () => {
    await platform.startOne('knowledge');
    const ids = driven.map((r) => r.id);
    const started = Date.now();
    const rows = await settle(
      async () => {
        const cases = await adviceCases(platform.api('knowledge'), ids);
        const ledger = await auditRows(platform.api('audit'), 'knowledge', since);
        return [
          tally('advice cases (knowledge)', ids, cases.perReferral),
          tally(
            'advice-case.open rows (audit)',
            cases.caseIds.map((id) => `${id} advice-case.open`),
            ledger,
          ),
        ];
      },
      {
        timeoutMs: 300_000,
        quiet: () =>
          consumersIdle([
            ['knowledge', TOPICS.referral],
            ['audit', TOPICS.audit],
          ]),
      },
    );
    printTally(
      `SIGKILL of knowledge in a burst of ${BURST} (${committedAtKill} committed at the kill; settled ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s after the restart)`,
      rows,
    );
    expect(rows).toEqual(exactlyOnce(rows));
  }, 400_000);
});
