import { Inject, Injectable } from '@nestjs/common';
import { KIT_CONFIG, prismaAdapter, type KitConfig } from '@platform/kit';
import type { PgTransaction } from '@platform/persistence';
import { PrismaClient } from '../generated/prisma/client';

/** The financing database (Prisma 7 client generated into src/generated); the kit closes it on shutdown. */
@Injectable()
export class PrismaService extends PrismaClient {
  constructor(@Inject(KIT_CONFIG) config: KitConfig) {
    super({ adapter: prismaAdapter(config) });
  }
}

/**
 * The request's transaction, as `UnitOfWork.run(async (tx: Tx) => …)` and the inbox hand it over: pg, not
 * Prisma (docs/performance.md). Write with SQL on it (`SqlTable` from @platform/persistence, typed by the
 * generated model types); use PrismaService for reads outside it.
 */
export type Tx = PgTransaction;
