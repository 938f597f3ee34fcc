import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDatabase } from '@platform/messaging';
import { PgDatabase } from '@platform/persistence';
import { KIT_CONFIG, type KitConfig } from '../config/kit-config';
import { UnitOfWork } from './unit-of-work';

/** The service's Prisma client, whatever its class: typed reads and lists (`t.db` in tests). */
export const DATABASE = Symbol('DATABASE');

/**
 * Connections of the Prisma client's pool: it only serves reads and lists outside the request's transaction
 * (the write path runs on PgDatabase), and pg opens them on demand, so a small pool is enough.
 */
const PRISMA_POOL_SIZE = 4;

/** The driver adapter for a service's Prisma client: `super({ adapter: prismaAdapter(config) })`. */
export function prismaAdapter(config: KitConfig): PrismaPg {
  return new PrismaPg({
    connectionString: config.databaseUrl,
    max: Math.min(PRISMA_POOL_SIZE, config.databasePoolSize),
  });
}

/** Closes the pools last, after the HTTP server, the consumers and the relay have stopped. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly prisma: { $disconnect(): Promise<void> },
    private readonly pg: PgDatabase,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.prisma.$disconnect(), this.pg.$disconnect()]);
  }
}

/**
 * The service's two clients of its one database. `PgDatabase` (pg directly) carries the request path: the
 * unit of work and so every transaction (idempotency claim, the change, outbox, audit), the relay, the inbox
 * and readiness. The service's Prisma client class stays injectable by its type for typed reads.
 */
@Global()
@Module({})
export class DatabaseModule {
  static for(database: Type<unknown>): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        database,
        { provide: DATABASE, useExisting: database },
        {
          provide: PgDatabase,
          inject: [KIT_CONFIG],
          useFactory: (config: KitConfig) =>
            new PgDatabase({
              connectionString: config.databaseUrl,
              max: config.databasePoolSize,
              applicationName: config.service,
            }),
        },
        { provide: UnitOfWork, inject: [PgDatabase], useFactory: (db: SqlDatabase) => new UnitOfWork(db) },
        DatabaseLifecycle,
      ],
      exports: [database, DATABASE, PgDatabase, UnitOfWork],
    };
  }
}
