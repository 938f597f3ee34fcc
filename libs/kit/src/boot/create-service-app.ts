import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { configureHttpApp, JsonLogger, type HttpAppOptions } from '@platform/http';
import { InboxProcessor, InboxServer, KafkaConnection } from '@platform/messaging';
import { KitModule } from '../kit.module';
import { loadServiceConfig, type LoadedConfig, type ServiceDefinition } from '../service-definition';

/** The realm's public client for /docs sign-in (tools/keycloak/src/realm.ts creates it with each service's redirect). */
const DOCS_CLIENT_ID = 'api-docs';

export interface ServiceApp {
  app: INestApplication;
}

/**
 * Builds a service, ready to listen: the Nest app from the kit and the service's module, the HTTP edge,
 * the topics, and the event consumers (started here, so a service that cannot reach Kafka does not start).
 * main.ts and the test harness both use it, so tests run exactly what production runs.
 */
export async function createServiceApp(
  definition: ServiceDefinition,
  config: LoadedConfig,
  logLevels?: LogLevel[],
): Promise<ServiceApp> {
  const app = await NestFactory.create(KitModule.forService(definition, config), {
    bodyParser: false,
    logger: new JsonLogger(logLevels),
  });
  configureHttpApp(app, edgeOptions(definition, config));
  await app.get(KafkaConnection).ensureTopics();
  app.connectMicroservice({
    strategy: new InboxServer({
      kafka: config.kit.kafka,
      groupId: config.kit.consumerGroup,
      inbox: app.get(InboxProcessor),
    }),
  });
  await app.startAllMicroservices();
  return { app };
}

/** The whole of a service's main.ts: configuration from the environment, then listen. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  let config: LoadedConfig;
  try {
    config = loadServiceConfig(definition);
  } catch (error) {
    process.stderr.write(`${definition.name}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { app } = await createServiceApp(definition, config);
  await app.listen(config.kit.port, process.env.HOST ?? '127.0.0.1');
}

/** The service's OpenAPI document, built from the code without connecting anywhere (for the committed copy). */
export async function openApiDocument(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv,
): Promise<OpenAPIObject> {
  const config = loadServiceConfig(definition, env);
  const app = await NestFactory.create(KitModule.forService(definition, config), {
    logger: false,
    bodyParser: false,
  });
  try {
    return configureHttpApp(app, edgeOptions(definition, config))();
  } finally {
    await app.close();
  }
}

/** The HTTP edge of a service: its body limit, its OpenAPI description, /docs signing in through the realm. */
function edgeOptions(definition: ServiceDefinition, { kit }: LoadedConfig): HttpAppOptions {
  const oidc = `${kit.keycloakUrl.replace(/\/+$/, '')}/realms/${kit.realm}/protocol/openid-connect`;
  return {
    bodyLimit: kit.bodyLimit,
    rateLimit: kit.rateLimit,
    bodyLimitsByPath: definition.bodyLimitsByPath,
    openApi: definition.openApi,
    signIn: { authorizationUrl: `${oidc}/auth`, tokenUrl: `${oidc}/token`, clientId: DOCS_CLIENT_ID },
  };
}
