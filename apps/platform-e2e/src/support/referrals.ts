import type { IdentityName } from '@platform/testing';
import { ensure, eventually, expectStatus, type Answer } from './failure';
import type { Platform } from './platform';

/** A referral as the referrals API shows it (the fields the scenarios look at). */
export interface ReferralView {
  id: string;
  status: string;
  municipalityCode: string;
  citizen: { pseudonym: string; ageGroup: string };
  advice: {
    required: boolean | null;
    reasons: string[];
    dueAt: string | null;
    overdue: boolean;
    given: { adviceCaseId: string | null; level: string | null; offerId: string | null } | null;
  };
  decision: {
    offerId: string | null;
    level: string | null;
    startDate: string | null;
    decidedBeforeAdvice: boolean;
    followsAdvice: boolean | null;
    deviation: boolean;
    deviationReasons: string[];
  } | null;
  operatorOrgCode: string | null;
  rejection: { reason: string; note: string | null } | null;
  placement: { start: string | null; end: string | null } | null;
}

export interface NewReferral {
  cpr: string;
  targetGroup: string;
  assessedLevel: string;
  referralDate?: string;
  caseworkerDoubt?: boolean;
  urgent?: boolean;
  urgentReason?: string;
}

/**
 * One referral (visitationssag) driven through the referrals API: every command reads the current ETag first
 * and sends it as If-Match, as a case system does.
 */
export class Referral {
  private constructor(
    private readonly platform: Platform,
    readonly id: string,
  ) {}

  /** The case worker creates it (the CPR number given this once, never again). */
  static async create(platform: Platform, who: IdentityName, body: NewReferral): Promise<Referral> {
    const res = await (await platform.referrals.as(who)).post('/api/v1/referrals').send(body);
    expectStatus(`creating a referral as ${who}`, res, 201);
    return new Referral(platform, (res.body as { id: string }).id);
  }

  async read(who: IdentityName): Promise<{ view: ReferralView; etag: string }> {
    const res = await (await this.platform.referrals.as(who)).get(`/api/v1/referrals/${this.id}`);
    expectStatus(`reading referral ${this.id} as ${who}`, res, 200);
    return { view: res.body as ReferralView, etag: res.headers.etag ?? '' };
  }

  /** A command (`submit`, `decision`, `send`, `accept`, `reject`, `placement/start`, …) with the current ETag. */
  async command(who: IdentityName, path: string, body?: object): Promise<Answer> {
    const { etag } = await this.read(who);
    const call = (await this.platform.referrals.as(who))
      .post(`/api/v1/referrals/${this.id}/${path}`)
      .set('If-Match', etag);
    return body === undefined ? call : call.send(body);
  }

  /** The command, which must succeed (200); the referral after it. */
  async do(who: IdentityName, path: string, body?: object): Promise<ReferralView> {
    const res = await this.command(who, path, body);
    expectStatus(`${path} on referral ${this.id} as ${who}`, res, 200);
    return res.body as ReferralView;
  }

  /**
   * The command, retried while the referrals service answers 404/409/422 because it has not yet learnt a fact
   * another service published (an offer and its places): for up to `timeoutMs`.
   */
  async doOnceKnown(who: IdentityName, path: string, body: object, timeoutMs: number): Promise<ReferralView> {
    return eventually(
      `${path} on referral ${this.id} to be taken by the referrals service`,
      async () => {
        const res = await this.command(who, path, body);
        if (res.status === 200) return res.body as ReferralView;
        throw new Error(`HTTP ${res.status} ${JSON.stringify(res.body)}`);
      },
      timeoutMs,
      500,
    );
  }

  /** Polls the referral as `who` until `holds` is true of it. */
  async waitUntil(
    who: IdentityName,
    what: string,
    holds: (view: ReferralView) => boolean,
    timeoutMs: number,
  ): Promise<ReferralView> {
    return eventually(
      what,
      async () => {
        const { view } = await this.read(who);
        return holds(view) ? view : undefined;
      },
      timeoutMs,
    );
  }
}

/** Fails unless the referral has the status. */
export function expectReferralStatus(view: ReferralView, status: string): void {
  ensure(view.status === status, `referral ${view.id} is ${view.status}, expected ${status}`);
}
