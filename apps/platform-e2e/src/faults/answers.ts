import type { Response, Test } from 'supertest';

/** One answer of an API as a fault test records it: a hang or a dropped connection is status 0. */
export interface Answer {
  service: string;
  what: string;
  status: number;
  contentType: string;
  /** The problem type of an error answer, or the client's error for status 0. */
  detail: string;
  at: number;
}

/** A request fails the test by hanging: no answer within this time is recorded as status 0. */
export const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Every answer the platform gave during a fault test, so the test can say how many were not 2xx and what they
 * were: a 503 problem+json is a clean refusal, a 500 or a hang is not.
 */
export class AnswerLog {
  readonly answers: Answer[] = [];

  async send(service: string, what: string, request: Test): Promise<Response | undefined> {
    const at = Date.now();
    try {
      const res = await request.timeout({ response: ANSWER_TIMEOUT_MS, deadline: ANSWER_TIMEOUT_MS * 2 });
      const body = res.body as { type?: string } | undefined;
      const contentType = String(res.headers['content-type'] ?? '');
      this.answers.push({ service, what, status: res.status, contentType, detail: body?.type ?? '', at });
      return res;
    } catch (error) {
      this.answers.push({ service, what, status: 0, contentType: '', detail: (error as Error).message, at });
      return undefined;
    }
  }

  notOk(): Answer[] {
    return this.answers.filter((a) => a.status < 200 || a.status >= 300);
  }

  /** Counts per `service status content-type`, e.g. for a failure message or the test's output. */
  summary(answers: readonly Answer[] = this.answers): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const a of answers) {
      const key = `${a.service} ${a.status} ${a.contentType.split(';')[0] || '-'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}
