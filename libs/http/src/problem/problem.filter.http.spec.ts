import {
  BadRequestException,
  Controller,
  Get,
  Logger,
  NotFoundException,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { PROBLEM_TYPES, ProblemException } from './problem';
import { ProblemFilter } from './problem.filter';

// The filter as a Nest app runs it: what a client receives on the wire (status, media type, headers, body).
@Controller('things')
class ThingsController {
  @Get('changed')
  changed() {
    throw new ProblemException(
      { type: PROBLEM_TYPES.preconditionFailed, title: 'Changed meanwhile', status: 412, detail: 'reload' },
      { ETag: 'W/"7"' },
    );
  }

  @Get('missing')
  missing() {
    throw new NotFoundException();
  }

  @Get('bad')
  bad() {
    throw new BadRequestException('bad thing');
  }

  @Get('broken')
  broken() {
    throw new Error('connect ECONNREFUSED postgresql://admin:hunter2@db:5432/referrals');
  }
}

describe('ProblemFilter over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
  });
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app.close());

  const get = async (path: string) => {
    const res = await request(app.getHttpServer()).get(path);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return {
      status: res.status,
      headers: res.headers,
      body: JSON.parse(res.text) as Record<string, unknown>,
    };
  };

  it('sends a ProblemException as thrown, with its headers and the instance without the query', async () => {
    const { status, headers, body } = await get('/things/changed?cpr=0101901234');
    expect(status).toBe(412);
    expect(headers.etag).toBe('W/"7"');
    expect(body).toEqual({
      type: 'urn:dk:social:problem:precondition-failed',
      title: 'Changed meanwhile',
      status: 412,
      detail: 'reload',
      instance: '/things/changed',
    });
  });

  it('maps a Nest HttpException by its status', async () => {
    expect(await get('/things/missing')).toMatchObject({
      status: 404,
      body: { type: PROBLEM_TYPES.notFound, status: 404, instance: '/things/missing' },
    });
    expect(await get('/things/bad')).toMatchObject({
      status: 400,
      body: { type: 'urn:dk:social:problem:http-400', title: 'bad thing', status: 400 },
    });
  });

  it('answers an unknown route with a 404 problem that does not echo the query string', async () => {
    const { status, body } = await get('/nowhere?cpr=0101901234');
    expect(status).toBe(404);
    expect(body).toEqual({
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: 'Cannot GET /nowhere',
      instance: '/nowhere',
    });
    expect(JSON.stringify(body)).not.toContain('0101901234');
  });

  it('answers an unknown error with a bare 500 and keeps the internals in the log', async () => {
    const { status, body } = await get('/things/broken');
    expect(status).toBe(500);
    expect(body).toEqual({
      type: 'urn:dk:social:problem:internal-error',
      title: 'Internal error',
      status: 500,
      instance: '/things/broken',
    });
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.objectContaining({
        error: expect.objectContaining({ message: expect.stringContaining('hunter2') }),
      }),
    );
  });
});
