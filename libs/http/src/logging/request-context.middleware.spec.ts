import { Controller, Get, Logger, Param, type INestApplication } from '@nestjs/common';
import { currentCorrelationId } from '@platform/messaging';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { requestContext } from './request-context.middleware';

@Controller()
class ThingsController {
  @Get('things/:id')
  get(@Param('id') id: string) {
    return { id };
  }

  /** What a service writing to the outbox here would give its events as correlation id. */
  @Get('correlation')
  async correlation() {
    await new Promise((r) => setTimeout(r, 1));
    return { correlationId: currentCorrelationId() };
  }

  @Get('health/live')
  live() {
    return { status: 'up' };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestContext', () => {
  let app: INestApplication;
  let log: jest.SpyInstance;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use(requestContext);
    await app.init();
  });
  beforeEach(() => (log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined)));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app.close());

  /** The access log line is written on the response's `finish`, which may come just after the client has it. */
  async function accessLog(): Promise<Record<string, unknown>> {
    for (let i = 0; i < 50 && log.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(log).toHaveBeenCalledTimes(1);
    return log.mock.calls[0][0] as Record<string, unknown>;
  }

  it('keeps a well-formed X-Request-Id and logs under it', async () => {
    const res = await request(app.getHttpServer()).get('/things/42').set('X-Request-Id', 'caller-req.42_a');
    expect(res.headers['x-request-id']).toBe('caller-req.42_a');
    expect(await accessLog()).toMatchObject({ requestId: 'caller-req.42_a', status: 200 });
  });

  it.each([
    ['has characters outside the allowed set', 'bad id "<script>"'],
    ['is longer than 100 characters', 'a'.repeat(101)],
  ])('replaces an X-Request-Id that %s with a fresh UUID', async (_, given) => {
    const res = await request(app.getHttpServer()).get('/things/42').set('X-Request-Id', given);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect((await accessLog()).requestId).toBe(res.headers['x-request-id']);
  });

  it('gives a request without X-Request-Id one', async () => {
    const res = await request(app.getHttpServer()).get('/things/42');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it("makes the request id the correlation id of the request's work", async () => {
    const res = await request(app.getHttpServer()).get('/correlation').set('X-Request-Id', 'case-R.1');
    expect(res.body.correlationId).toBe('case-R.1');
  });

  it('correlates under the generated id when the caller sent a malformed one', async () => {
    const res = await request(app.getHttpServer()).get('/correlation').set('X-Request-Id', 'no good');
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.body.correlationId).toBe(res.headers['x-request-id']);
  });

  it('logs the route, never the query string or the raw path', async () => {
    await request(app.getHttpServer()).get('/things/0101901234?cpr=0101901234&token=secret');
    const line = await accessLog();
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/things/:id', status: 200 });
    expect(typeof line.ms).toBe('number');
    expect(JSON.stringify(line)).not.toMatch(/0101901234|secret/);
  });

  it('logs an unknown path without its query string', async () => {
    await request(app.getHttpServer()).get('/nowhere?cpr=0101901234');
    expect(await accessLog()).toMatchObject({ path: '/nowhere', status: 404 });
  });

  it('writes no access log for health probes', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(log).not.toHaveBeenCalled();
  });
});
