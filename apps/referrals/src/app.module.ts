import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@platform/auth';
import { HealthController, READINESS_CHECKS } from '@platform/http';
import { KafkaConnection, MessagingModule } from '@platform/messaging';
import { AuditModule } from './audit/audit.module';
import { CitizenModule } from './citizen/citizen.module';
import { REFERRALS_CONFIG, type ReferralsConfig } from './config/referrals.config';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { readinessChecks } from './health/readiness';
import { AdviceModule } from './advice/advice.module';
import { DecisionModule } from './decision/decision.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OperatorModule } from './operator/operator.module';
import { PlanningModule } from './planning/planning.module';
import { ReferralModule } from './referral/referral.module';

export const SERVICE_NAME = 'referrals';

@Global()
@Module({})
class ConfigModule {
  static register(config: ReferralsConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: REFERRALS_CONFIG, useValue: config }],
      exports: [REFERRALS_CONFIG],
    };
  }
}

/** The referrals service, built from a validated configuration. */
@Module({})
export class AppModule {
  static forConfig(config: ReferralsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        DatabaseModule,
        MessagingModule.forRoot({
          source: `/services/${SERVICE_NAME}`,
          kafka: { brokers: config.KAFKA_BROKERS, clientId: SERVICE_NAME },
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          database: PrismaService,
        }),
        AuthModule.forRoot({
          keycloakUrl: config.KEYCLOAK_URL,
          realm: config.KEYCLOAK_REALM,
          audience: config.KEYCLOAK_AUDIENCE,
        }),
        AuditModule,
        CitizenModule,
        IdempotencyModule,
        PlanningModule,
        ReferralModule,
        DecisionModule,
        OperatorModule,
        AdviceModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: READINESS_CHECKS, inject: [PrismaService, KafkaConnection], useFactory: readinessChecks },
      ],
    };
  }
}
