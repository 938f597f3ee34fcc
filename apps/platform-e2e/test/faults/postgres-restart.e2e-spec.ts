import { TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventually } from '@platform/testing';
import { AnswerLog, type Answer } from '../../src/faults/answers';
import { adviceCases, auditRows, settle } from '../../src/faults/effects';
import { warmUp } from '../../src/faults/fixtures';
import { consumersIdle, deadLettersAbout } from '../../src/faults/kafka-watch';
import { referralLoad } from '../../src/faults/load';
import type { DrivenReferral } from '../../src/faults/referral-journey';
import { Platform, type PlatformService } from '../../src/faults/platform';
import { sleep } from '../../src/faults/pool';
import { keepReading } from '../../src/faults/readers';
import { postgresAnswers, restore, stack } from '../../src/faults/stack-control';
import { exactlyOnce, printTally, tally } from '../../src/faults/tally';

const SERVICES: PlatformService[] = ['audit', 'specialty-planning', 'knowledge', 'financing', 'referrals'];
const OUTAGE_MS = 10_000;

/** A clean refusal: 503 with an RFC 9457 problem. Anything else that is not 2xx (a 500, a hang) is not. */
const unclean = (a: Answer) =>
  (a.status < 200 || a.status >= 300) &&
  !(a.status === 503 && a.contentType.startsWith('application/problem+json'));

/**
 * Scenario 8 (issue 13): the machine's PostgreSQL is stopped and started again (`tools/stack down postgres`,
 * `up postgres`) while referrals are created and submitted and every service is read. During the outage every
 * service refuses cleanly (503 problem+json, never a 500 or a hang); afterwards the same processes serve again
 * without a restart; the events of every answered change are applied exactly once, and none of them is parked
 * on a dead-letter topic.
 */
describe('scenario 8: PostgreSQL restarted under load', () => {
  let platform: Platform;
  const today = todayInDenmark();
  const log = new AnswerLog();
  let since: Date;
  let pids: Record<string, number>;
  let ids: string[] = [];
  let actions: string[] = [];

  beforeAll(async () => {
    await restore('postgres');
    platform = await Platform.start(SERVICES);
    pids = Object.fromEntries(SERVICES.map((s) => [s, platform.get(s).pid]));
    await warmUp(platform, { stage: 'submitted', date: today });
  }, 300_000);

  // The shared cluster runs again whatever happened, before anything else touches it.
  afterAll(async () => {
    await restore('postgres');
    await platform?.stopAll();
  }, 180_000);

  it('refuses cleanly with 503 problem+json during the outage and recovers without a restart', async () => {
    since = new Date();
    const load = referralLoad(platform.api('referrals'), log, { stage: 'submitted', date: today }, 4);
    const stopReading = keepReading(
      platform,
      log,
      SERVICES.filter((s) => s !== 'referrals'),
    );
    let down = 0;
    let up = 0;
    let driven: DrivenReferral[];
    try {
      await sleep(3_000);
      down = Date.now();
      await stack('down', 'postgres');
      await eventually(async () => !(await postgresAnswers()), 30_000);
      await sleep(OUTAGE_MS);
      await stack('up', 'postgres');
      await eventually(() => postgresAnswers(), 60_000);
      up = Date.now();
      // Every service answers 2xx again (the same processes): the load goes on until each has, twice.
      await eventually(async () => {
        const recent = log.answers.filter((a) => a.at > up + 1_000);
        return SERVICES.every(
          (s) => recent.filter((a) => a.service === s && a.status >= 200 && a.status < 300).length >= 2,
        );
      }, 60_000);
    } finally {
      await stopReading();
      driven = await load.stop();
    }
    ids = driven.filter((r) => r.actions.includes('referral.submit')).map((r) => r.id);
    actions = driven.flatMap((r) => r.actions.map((a) => `${r.id} ${a}`));

    const during = log.answers.filter((a) => a.at >= down && a.at <= up);
    process.stdout.write(
      `\nPostgreSQL down ${((up - down) / 1000).toFixed(1)} s; answers during the outage: ` +
        `${JSON.stringify(log.summary(during))}; over the whole run: ${JSON.stringify(log.summary())}\n`,
    );
    expect(log.answers.filter(unclean)).toEqual([]);
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(Object.fromEntries(SERVICES.map((s) => [s, platform.get(s).pid]))).toEqual(pids);
  }, 240_000);

  it('applies the events of every answered change exactly once and dead-letters none', async () => {
    const rows = await settle(
      async () => [
        tally(
          'advice cases (knowledge)',
          ids,
          (await adviceCases(platform.api('knowledge'), ids)).perReferral,
        ),
        tally('audit rows (audit)', actions, await auditRows(platform.api('audit'), 'referrals', since)),
      ],
      {
        timeoutMs: 180_000,
        quiet: () =>
          consumersIdle([
            ['knowledge', TOPICS.referral],
            ['audit', TOPICS.audit],
          ]),
      },
    );
    printTally(`PostgreSQL restarted under load (${ids.length} referrals submitted)`, rows);
    expect(rows).toEqual(exactlyOnce(rows));
    const parked = await deadLettersAbout(new Set(ids), since);
    process.stdout.write(
      `dead letters since the start: ${JSON.stringify(parked.map((p) => [p.topic, p.total]))}\n`,
    );
    expect(parked.flatMap((p) => p.ours)).toEqual([]);
  }, 300_000);
});
