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
import type { KitConfig } from '../config/kit-config';
import { UnitOfWork } from './unit-of-work';

/** The service's database client, whatever its class: what the kit's own parts (outbox, inbox…) use. */
export const DATABASE = Symbol('DATABASE');

/** The driver adapter for a service's Prisma client: `super({ adapter: prismaAdapter(config) })`. */
export function prismaAdapter(config: KitConfig): PrismaPg {
  return new PrismaPg({ connectionString: config.databaseUrl, max: config.databasePoolSize });
}

/** Closes the pool last, after the HTTP server, the consumers and the relay have stopped. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: SqlDatabase & { $disconnect(): Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.$disconnect();
  }
}

/** Provides the service's Prisma client class (injectable by its own type) and the unit of work. */
@Global()
@Module({})
export class DatabaseModule {
  static for(database: Type<SqlDatabase>): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        database,
        { provide: DATABASE, useExisting: database },
        { provide: UnitOfWork, inject: [DATABASE], useFactory: (db: SqlDatabase) => new UnitOfWork(db) },
        DatabaseLifecycle,
      ],
      exports: [database, DATABASE, UnitOfWork],
    };
  }
}
