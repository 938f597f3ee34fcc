import { HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import {
  DomainError,
  ForbiddenError,
  InvalidCprError,
  MoneyOverflowError,
  StateConflict,
  UnknownMunicipalityError,
} from '@platform/domain';
import { POOL_TIMEOUT } from '@platform/messaging';
import { ProblemException } from './problem';
import { ProblemFilter, type ProblemTranslator } from './problem.filter';

class ShelfFullError extends StateConflict {
  constructor() {
    super('SHELF_FULL', 'every place on the shelf is taken', {
      places: 3,
      occupied: 3,
      status: 200,
      type: 'x',
    });
  }
}

class WrongDeskError extends ForbiddenError {
  constructor() {
    super('FORBIDDEN', 'only the front desk may do this');
  }
}

class BrokenRuleError extends DomainError {
  constructor() {
    super('BROKEN_RULE', 'internal detail that must not reach the client');
  }
}

interface Rendered {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function render(error: unknown, translators: ProblemTranslator[] = []): Rendered {
  const rendered: Rendered = { status: 0, contentType: '', headers: {}, body: {} };
  const response = {
    setHeader: (name: string, value: string) => (rendered.headers[name] = value),
    status(code: number) {
      rendered.status = code;
      return this;
    },
    type(contentType: string) {
      rendered.contentType = contentType;
      return this;
    },
    send(text: string) {
      rendered.body = JSON.parse(text) as Record<string, unknown>;
    },
  };
  const request = { originalUrl: '/api/v1/things/42?debug=1', headers: { 'x-request-id': 'r-1' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) };
  new ProblemFilter(translators).catch(error, host as unknown as ArgumentsHost);
  return rendered;
}

describe('problem filter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('maps a validation error to the shared validation type naming its field', () => {
    const { status, contentType, body } = render(new InvalidCprError('CPR_INVALID_FORMAT'));
    expect(status).toBe(400);
    expect(contentType).toBe('application/problem+json');
    expect(body).toEqual({
      type: 'urn:dk:social:problem:validation-error',
      title: 'The request is not valid',
      status: 400,
      detail: 'CPR number must be 10 digits, DDMMYYSSSS or DDMMYY-SSSS',
      errors: [{ pointer: '/cpr', detail: 'CPR number must be 10 digits, DDMMYYSSSS or DDMMYY-SSSS' }],
      instance: '/api/v1/things/42',
    });
  });

  it('points at the whole request when the domain cannot name the field', () => {
    const { status, body } = render(new MoneyOverflowError());
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ pointer: '', detail: expect.stringContaining('too large') }]);
  });

  it('maps a state conflict to 409 with a type from its code and its details as extension members', () => {
    const { status, body } = render(new ShelfFullError());
    expect(status).toBe(409);
    expect(body).toEqual({
      type: 'urn:dk:social:problem:shelf-full',
      title: 'Not allowed in the current state',
      status: 409,
      detail: 'every place on the shelf is taken',
      places: 3,
      occupied: 3,
      instance: '/api/v1/things/42',
    });
  });

  it('maps not-found and forbidden errors to 404 and 403', () => {
    const notFound = render(new UnknownMunicipalityError('999'));
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({
      type: 'urn:dk:social:problem:municipality-unknown',
      title: 'Not found',
    });
    const forbidden = render(new WrongDeskError());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ type: 'urn:dk:social:problem:forbidden', title: 'Forbidden' });
  });

  it('answers a broken invariant with a 500 that reveals nothing, and logs it', () => {
    const { status, body } = render(new BrokenRuleError());
    expect(status).toBe(500);
    expect(body).toEqual({
      type: 'urn:dk:social:problem:internal-error',
      title: 'Internal error',
      status: 500,
      instance: '/api/v1/things/42',
    });
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: 'r-1',
        error: expect.objectContaining({ name: 'BrokenRuleError' }),
      }),
    );
  });

  it('renders a ProblemException as given, with its headers', () => {
    const problem = { type: 'urn:dk:social:problem:precondition-failed', title: 'Changed', status: 412 };
    const { status, headers, body } = render(new ProblemException(problem, { ETag: 'W/"2"' }));
    expect(status).toBe(412);
    expect(headers).toEqual({ ETag: 'W/"2"' });
    expect(body).toEqual({ ...problem, instance: '/api/v1/things/42' });
  });

  it('still asks translators for errors that are not domain errors', () => {
    const teapot: ProblemTranslator = (error) =>
      error instanceof TypeError ? { type: 'urn:x:teapot', title: 'Teapot', status: 418 } : undefined;
    expect(render(new TypeError('short and stout'), [teapot]).status).toBe(418);
    expect(render(new InvalidCprError('CPR_INVALID_DATE'), [teapot]).status).toBe(400);
  });

  it('maps a Nest HttpException by its status', () => {
    const { status, body } = render(new HttpException('gone', 404));
    expect(status).toBe(404);
    expect(body.type).toBe('urn:dk:social:problem:not-found');
  });
  it('answers an unreachable database with 503 and Retry-After, naming no host (a Prisma driver-adapter error)', () => {
    const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
      code: 'P1001',
      meta: {
        driverAdapterError: { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } },
      },
    });
    const { status, headers, body } = render(unreachable);
    expect(status).toBe(503);
    expect(headers).toEqual({ 'Retry-After': '5' });
    expect(body.type).toBe('urn:dk:social:problem:service-unavailable');
    expect(JSON.stringify(body)).not.toContain('5432');
  });

  it('answers a server shutting down (SQLSTATE 57P01) with 503, but a constraint violation still with 500', () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } },
    });
    expect(render(shutdown).status).toBe(503);
    const unique = Object.assign(new Error('duplicate key'), {
      meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', originalCode: '23505' } } },
    });
    expect(render(unique).status).toBe(500);
  });

  it('answers a pool with no connection free in time (overload) with 503 and Retry-After, not 500', () => {
    const exhausted = Object.assign(new Error('no database connection free within 5000 ms'), {
      code: POOL_TIMEOUT,
    });
    const { status, headers } = render(exhausted);
    expect(status).toBe(503);
    expect(headers).toEqual({ 'Retry-After': '5' });
  });
});
