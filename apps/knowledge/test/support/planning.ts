import {
  approveFunction,
  deactivateOffer,
  eventually,
  offersHoldingFunction,
  registerOffer,
  startServiceProcess,
  type IdentityName,
  type ServiceProcess,
  type TestOperator,
  type TestService,
} from '@platform/testing';
import type { PrismaService } from '../../src/database/prisma.service';
import { functionInRoster } from './cases';

/** An offer with an approved advisory function, as specialty planning made it and knowledge's roster holds it. */
export interface TestFunction {
  offerId: string;
  /** Specialty planning's id of the approval (FunctionApproved's functionId). */
  functionId: string;
  /** The function's row in knowledge's roster. */
  rosterId: string;
  targetGroup: string;
  operatorOrgCode: TestOperator;
}

export interface AdvisoryFunctionSpec {
  targetGroup: string;
  /** The operating region: its planner registers the offer (an address in the region) and applies. */
  operatorOrgCode: TestOperator;
  name?: string;
  validFrom?: string;
  validTo?: string;
  minimumYearlyVolume?: number;
}

/**
 * Specialty planning as knowledge's tests meet it: its own process (started on first use), reached through its
 * API only. Offers and advisory functions come to knowledge as its real events; each helper waits until
 * knowledge's roster holds the result.
 */
export class Planning {
  private service?: Promise<ServiceProcess>;

  constructor(
    private readonly knowledge: () => TestService<PrismaService>,
    private readonly env: Record<string, string> = {},
  ) {}

  private started(): Promise<ServiceProcess> {
    return (this.service ??= startServiceProcess('specialty-planning', this.env));
  }

  async as(identity: IdentityName) {
    return (await this.started()).as(identity);
  }

  /**
   * Target groups are a fixed list, and the test databases keep what earlier runs made: every advisory function
   * still valid for the group has its offer deactivated by its operator (OfferUpdated, `active: false`), so
   * knowledge assigns no case to it and the test starts from an empty roster for the group. Each test file uses
   * target groups of its own (the referral tests use VISION and AUTISM).
   */
  async clearTargetGroup(targetGroup: string): Promise<void> {
    const deactivated: string[] = [];
    for (const offerId of await offersHoldingFunction(this, targetGroup, 'ADVISORY_FUNCTION')) {
      if (await deactivateOffer(this, offerId)) deactivated.push(offerId);
    }
    const db = this.knowledge().db;
    await eventually(
      async () =>
        (await db.offer.count({ where: { id: { in: deactivated }, active: false } })) === deactivated.length,
      60_000,
    );
  }

  /** An offer of the region and its advisory function: applied for, approved by the state, in the roster. */
  async advisoryFunction(spec: AdvisoryFunctionSpec): Promise<TestFunction> {
    const { targetGroup, operatorOrgCode } = spec;
    const { offerId } = await registerOffer(this, {
      operatorOrgCode,
      targetGroups: [targetGroup],
      name: spec.name ?? `Vidensmiljø ${targetGroup} (test)`,
    });
    const functionId = await approveFunction(this, {
      offerId,
      operatorOrgCode,
      targetGroup,
      functionType: 'ADVISORY_FUNCTION',
      ...(spec.validFrom ? { validFrom: spec.validFrom } : {}),
      ...(spec.validTo ? { validTo: spec.validTo } : {}),
      ...(spec.minimumYearlyVolume !== undefined ? { minimumYearlyVolume: spec.minimumYearlyVolume } : {}),
    });
    const t = this.knowledge();
    const rosterId = await functionInRoster(t, functionId);
    // Its offer too: the offer's address places the function in its region.
    await eventually(async () => (await t.db.offer.count({ where: { id: offerId } })) === 1);
    return { offerId, functionId, rosterId, targetGroup, operatorOrgCode };
  }

  async stop(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service) await (await service).stop();
  }
}
