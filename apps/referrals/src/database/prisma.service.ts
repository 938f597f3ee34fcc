import { Inject, Injectable } from '@nestjs/common';
import { KIT_CONFIG, prismaAdapter, type KitConfig } from '@platform/kit';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The referrals database (Prisma 7 client generated into src/generated); the kit closes it on shutdown. */
@Injectable()
export class PrismaService extends PrismaClient {
  constructor(@Inject(KIT_CONFIG) config: KitConfig) {
    super({ adapter: prismaAdapter(config) });
  }
}

/** A transaction client, as handed to `$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
