import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Response } from 'express';
import request from 'supertest';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health';

const up = (name: string): ReadinessCheck => ({ name, check: () => Promise.resolve() });
const failing = (name: string, message: string): ReadinessCheck => ({
  name,
  check: () => Promise.reject(new Error(message)),
});

async function appWith(checks: ReadinessCheck[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: [HealthController],
    providers: [{ provide: READINESS_CHECKS, useValue: checks }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  return app.init();
}

describe('HealthController', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is live without asking any dependency', async () => {
    const check = jest.fn(() => Promise.reject(new Error('down')));
    app = await appWith([{ name: 'database', check }]);
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'up' });
    expect(check).not.toHaveBeenCalled();
  });

  it('is ready with 200 when every check answers', async () => {
    app = await appWith([up('database'), up('kafka')]);
    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, { status: 'up', checks: { database: 'up', kafka: 'up' } });
  });

  it('answers 503 naming the failing check and why, the others still up', async () => {
    app = await appWith([failing('database', 'connection refused'), up('kafka')]);
    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(503, { status: 'down', checks: { database: 'down: connection refused', kafka: 'up' } });
  });

  it('stays ready (200, degraded) while only an optional check fails', async () => {
    const kafka = { ...failing('kafka', 'broker unreachable'), optional: true };
    app = await appWith([up('database'), kafka]);
    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, { status: 'degraded', checks: { database: 'up', kafka: 'down: broker unreachable' } });
  });

  it('is down when a required check fails, whatever the optional ones say', async () => {
    const kafka = { ...failing('kafka', 'broker unreachable'), optional: true };
    app = await appWith([failing('database', 'connection refused'), kafka]);
    await request(app.getHttpServer()).get('/health/ready').expect(503);
  });

  // Driven without HTTP so fake timers can stand in for the two seconds.
  it('counts a check that does not answer within 2 s as down: timeout', async () => {
    jest.useFakeTimers();
    try {
      const hanging: ReadinessCheck = { name: 'database', check: () => new Promise<void>(() => undefined) };
      const controller = new HealthController([hanging, up('kafka')]);
      const res = { status: jest.fn() };
      const answer = controller.ready(res as unknown as Response);
      await jest.advanceTimersByTimeAsync(1_999);
      expect(res.status).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(await answer).toEqual({ status: 'down', checks: { database: 'down: timeout', kafka: 'up' } });
      expect(res.status).toHaveBeenCalledWith(503);
    } finally {
      jest.useRealTimers();
    }
  });
});
