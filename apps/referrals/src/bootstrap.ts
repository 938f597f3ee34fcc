import type { INestApplication } from '@nestjs/common';
import { configureHttpApp } from '@platform/http';
import { KafkaConnection, kafkaConsumerOptions } from '@platform/messaging';
import { SERVICE_NAME } from './app.module';
import type { ReferralsConfig } from './config/referrals.config';
import { referralProblems } from './referral/referral.problems';

/** Everything between creating the Nest app and listening, shared by main.ts and the integration tests. */
export async function prepareApp(app: INestApplication, config: ReferralsConfig): Promise<void> {
  configureHttpApp(app, {
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
