/**
 * A scenario step that did not hold: the runner prints the step and this reason, and stops. The message never
 * holds a CPR number (answers are printed as the services give them, and no service answers with one except the
 * audited identity read, which no failure prints).
 */
export class ScenarioFailure extends Error {
  override readonly name = 'ScenarioFailure';
}

/** Fails the step with `what` unless the condition holds. */
export function ensure(condition: unknown, what: string): asserts condition {
  if (!condition) throw new ScenarioFailure(what);
}

/** The parts of an HTTP answer a step looks at (supertest's response has them). */
export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Fails the step unless the service answered with one of the expected statuses; says what it answered. */
export function expectStatus(what: string, res: Answer, ...ok: number[]): void {
  if (ok.includes(res.status)) return;
  const body = JSON.stringify(res.body ?? null);
  throw new ScenarioFailure(
    `${what}: expected HTTP ${ok.join(' or ')}, got ${res.status} ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`,
  );
}

/**
 * Polls until `probe` gives a value (anything but undefined or false): the services react to each other's events
 * asynchronously, so a step asks the owning service's API until the effect is there, or fails after the timeout
 * with what it waited for and the last thing it saw.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? `; last error: ${last.message}` : '';
      throw new ScenarioFailure(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${seen}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
