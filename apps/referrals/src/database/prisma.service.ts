import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The referrals database (Prisma 7 client generated into src/generated, driver adapter for node-postgres). */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(REFERRALS_CONFIG) config: ReferralsConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.REFERRALS_DATABASE_URL, max: 10 }) });
  }

  /** Last in the shutdown: the relay, consumers and schedulers stop before (beforeApplicationShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** A transaction client, as handed to `$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
