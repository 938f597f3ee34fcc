import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { configureHttpApp } from '@platform/http';
import { KafkaConnection, kafkaConsumerOptions } from '@platform/messaging';
import { SERVICE_NAME } from './app.module';
import type { ReferralsConfig } from './config/referrals.config';
import { referralProblems } from './referral/referral.problems';

/** The HTTP edge of the service (body limit, problem mapping, OpenAPI); returns the OpenAPI document. */
export function configureEdge(app: INestApplication, config: ReferralsConfig): OpenAPIObject {
  return configureHttpApp(app, {
    bodyLimit: config.BODY_LIMIT,
    problemTranslators: [referralProblems],
    openApi: {
      title: 'Referrals API (visitation)',
      description:
        'Binding referrals (forpligtende visitation) of citizens to highly specialised offers: municipalities create and decide, operators accept and run placements.',
      version: '1',
      problemTypes: {
        'invalid-transition': 'the command is not allowed in the current status (`currentStatus`, `allowed`)',
        'no-capacity': 'accept refused: every place of the offer is taken (`places`, `occupied`)',
        'idempotency-key-in-use': 'a request with this Idempotency-Key is still running (409)',
        'idempotency-key-reused': 'this Idempotency-Key was used for a different request (422)',
      },
    },
  });
}

/** Everything between creating the Nest app and listening, shared by main.ts and the integration tests. */
export async function prepareApp(app: INestApplication, config: ReferralsConfig): Promise<void> {
  configureEdge(app, config);
  // Topics come from the registry in libs/contracts (the broker does not auto-create them); consumers need them.
  await app.get(KafkaConnection).ensureTopics();
  app.connectMicroservice(
    kafkaConsumerOptions(
      { brokers: config.KAFKA_BROKERS, clientId: SERVICE_NAME },
      config.KAFKA_CONSUMER_GROUP,
    ),
  );
  await app.startAllMicroservices();
}
