import { Body, Controller, HttpCode, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { z } from 'zod';
import { ProblemFilter } from '../problem/problem.filter';
import { useJsonBodies } from './json-body.middleware';
import { ZodValidationPipe } from './zod-validation.pipe';

const Note = z.strictObject({ text: z.string() });

@Controller('notes')
class NotesController {
  @Post()
  @HttpCode(200)
  create(@Body(new ZodValidationPipe(Note)) note: z.infer<typeof Note>) {
    return note;
  }
}

describe('useJsonBodies', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [NotesController] }).compile();
    // As configureHttpApp does: Nest's own parser off, so this one (with its limit) is the only one.
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    useJsonBodies(app, '100b');
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
  });
  afterAll(() => app.close());

  const post = (contentType: string, body: string) =>
    request(app.getHttpServer()).post('/notes?cpr=0101901234').set('Content-Type', contentType).send(body);

  it('parses JSON bodies, including application/*+json', async () => {
    await request(app.getHttpServer()).post('/notes').send({ text: 'hi' }).expect(200, { text: 'hi' });
    await post('application/merge-patch+json', '{"text":"hi"}').expect(200, { text: 'hi' });
  });

  it('answers a body over the limit with 413 problem+json, the instance without its query', async () => {
    const res = await post('application/json', JSON.stringify({ text: 'x'.repeat(200) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toEqual({
      type: 'urn:dk:social:problem:payload-too-large',
      title: 'Payload too large',
      status: 413,
      detail: 'the body is larger than the limit of 100 bytes',
      instance: '/notes',
    });
  });

  it('answers malformed JSON with a 400 problem that does not echo the body', async () => {
    const res = await post('application/json', '{"text": "0101901234"');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ type: 'urn:dk:social:problem:malformed-json', status: 400 });
    expect(res.text).not.toContain('0101901234');
  });

  it('answers JSON in a charset other than UTF-8 with 415', async () => {
    const res = await post('application/json; charset=latin1', '{"text":"hi"}');
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text)).toMatchObject({ type: 'urn:dk:social:problem:unsupported-media-type' });
  });

  // A body of another media type is not parsed at all (no 415): the handler sees no body, and the
  // validation pipe refuses it as a missing JSON object.
  it('leaves a non-JSON body unparsed, so validation answers 400 for the missing object', async () => {
    const res = await post('text/plain', '{"text":"hi"}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({
      type: 'urn:dk:social:problem:validation-error',
      errors: [{ pointer: '', detail: 'a JSON object body is required' }],
    });
  });
});
