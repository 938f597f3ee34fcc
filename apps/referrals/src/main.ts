import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { prepareApp } from './bootstrap';
import { loadReferralsConfig, type ReferralsConfig } from './config/referrals.config';

async function main(): Promise<void> {
  let config: ReferralsConfig;
  try {
    config = loadReferralsConfig();
  } catch (error) {
    process.stderr.write(`referrals: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const app = await NestFactory.create(AppModule.forConfig(config), {
    bodyParser: false,
    logger: new ConsoleLogger({ json: true }),
  });
  await prepareApp(app, config);
  await app.listen(config.PORT, '127.0.0.1');
}

void main();
