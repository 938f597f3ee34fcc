import { NestFactory } from '@nestjs/core';
import { httpRoutes, routesWithoutAccessRule } from '@platform/auth';
import { KitModule, loadServiceConfig } from '@platform/kit';
import { testEnvironment } from '@platform/testing';
import { referralsService } from '../src/app.module';

/**
 * Deny by default (issue 7, finding 7): the guard refuses a route that is neither @Access nor @Public, and this
 * test names such a route before a caller meets the 403. It builds the service's real module graph (kit + the
 * service's module) and reads it through Nest's discovery without initialising the app, so it connects nowhere.
 */
describe('access rules of the referrals service', () => {
  it('gives every HTTP route an @Access or @Public rule', async () => {
    const config = loadServiceConfig(referralsService, testEnvironment(referralsService));
    const app = await NestFactory.create(KitModule.forService(referralsService, config), {
      logger: false,
      bodyParser: false,
    });
    try {
      // The enumeration sees the service's routes (so an empty list below is not vacuous) …
      expect(httpRoutes(app)).toEqual(
        expect.arrayContaining([
          { route: 'POST api/v1/referrals (ReferralController.create)', rule: 'access' },
          { route: 'GET health/ready (HealthController.ready)', rule: 'public' },
        ]),
      );
      // … and none of them lacks a rule.
      expect(routesWithoutAccessRule(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
