import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ACCESS_DENIED_SINK, AuditTrail, AuthModule, TokenVerifier } from '@platform/auth';
import { HealthController, READINESS_CHECKS } from '@platform/http';
import { topicsOfService } from '@platform/contracts';
import {
  KafkaConnection,
  MessagingModule,
  OutboxWriter,
  serviceSource,
  type SqlDatabase,
} from '@platform/messaging';
import { PgDatabase } from '@platform/persistence';
import { CommandRunner } from './commands/command-runner';
import { KIT_CONFIG, SERVICE_CONFIG } from './config/kit-config';
import { DatabaseModule } from './database/database.module';
import { readinessChecks } from './health/readiness';
import { IdempotencyModule } from './idempotency/idempotency.module';
import type { LoadedConfig, ServiceDefinition } from './service-definition';

/** Configuration, the service's database, the audit trail and the command runner, for every module. */
@Global()
@Module({})
class KitCoreModule {
  static for(definition: ServiceDefinition, config: LoadedConfig): DynamicModule {
    return {
      module: KitCoreModule,
      providers: [
        { provide: KIT_CONFIG, useValue: config.kit },
        { provide: SERVICE_CONFIG, useValue: config.own },
        {
          provide: AuditTrail,
          inject: [OutboxWriter, PgDatabase],
          useFactory: (outbox: OutboxWriter, db: SqlDatabase) => new AuditTrail(definition.name, outbox, db),
        },
        { provide: ACCESS_DENIED_SINK, useExisting: AuditTrail },
        CommandRunner,
      ],
      exports: [KIT_CONFIG, SERVICE_CONFIG, AuditTrail, ACCESS_DENIED_SINK, CommandRunner],
    };
  }
}

/**
 * Everything a service has in common with the others, as one module: config, database and unit of work,
 * Kafka with the outbox relay and the inbox, Keycloak tokens with `@Access` and the audit trail,
 * Idempotency-Key, health. The HTTP edge (problem+json, JSON bodies, request ids, OpenAPI) and the event
 * consumers are wired by `createServiceApp`.
 */
@Module({})
export class KitModule {
  static forService(definition: ServiceDefinition, config: LoadedConfig): DynamicModule {
    const { kit } = config;
    return {
      module: KitModule,
      imports: [
        DatabaseModule.for(definition.database),
        MessagingModule.forRoot({
          source: serviceSource(definition.name),
          kafka: kit.kafka,
          topics: topicsOfService(definition.name),
          consumerGroup: kit.consumerGroup,
          // The relay and the inbox share the request path's client: an effect commits with its inbox row.
          database: PgDatabase,
        }),
        AuthModule.forRoot({ keycloakUrl: kit.keycloakUrl, realm: kit.realm, audience: kit.audience }),
        KitCoreModule.for(definition, config),
        IdempotencyModule,
        definition.module,
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [PgDatabase, KafkaConnection, TokenVerifier],
          useFactory: readinessChecks,
        },
      ],
    };
  }
}
