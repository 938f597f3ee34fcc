import type { Platform } from './platform';
import {
  newContext,
  runScenario,
  runStep,
  StepFailure,
  type ScenarioDefinition,
  type Step,
} from './scenario';

const platform = {} as Platform;

describe('a step the platform is not set up for', () => {
  const notSetUp: Step = {
    name: 'the deadline passes',
    run: async (ctx) => ctx.skip('the deadline is 14 days away'),
  };

  it('is skipped, with its reason printed, when a run may skip', async () => {
    const lines: string[] = [];
    const ctx = newContext(platform, (l) => lines.push(l));
    await expect(runStep(3, notSetUp, ctx, (l) => lines.push(l))).resolves.toBe('skipped');
    expect(lines).toEqual(['  ▸ the deadline passes', '    – skipped: the deadline is 14 days away']);
  });

  it('fails the step where every step must run (the e2e suite)', async () => {
    const ctx = newContext(platform, () => undefined, undefined, { everyStep: true });
    const run = runStep(3, notSetUp, ctx, () => undefined);
    await expect(run).rejects.toBeInstanceOf(StepFailure);
    await expect(run).rejects.toThrow(
      'scenario 3, step "the deadline passes": this platform is not set up for the step: the deadline is 14 days away',
    );
  });

  it('lets the scenario pass and says how many steps it skipped', async () => {
    const ran: string[] = [];
    const definition: ScenarioDefinition = {
      number: 3,
      title: 'urgent placement',
      plan: () => ({
        steps: [notSetUp, { name: 'after it', run: async () => void ran.push('after it') }],
        gaps: [],
      }),
    };
    const lines: string[] = [];
    await runScenario(definition, platform, (l) => lines.push(l));
    expect(ran).toEqual(['after it']);
    expect(lines.at(-1)).toMatch(
      /^ {2}scenario 3 passed in [\d.]+ s \(1 step skipped: not set up on this platform\)$/,
    );
  });
});
