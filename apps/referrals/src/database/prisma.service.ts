import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The referrals database (Prisma 7 client generated into src/generated, driver adapter for node-postgres). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(REFERRALS_CONFIG) config: ReferralsConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.REFERRALS_DATABASE_URL, max: 10 }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A transaction client, as handed to `$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
