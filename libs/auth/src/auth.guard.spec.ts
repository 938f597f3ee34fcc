import { Controller, Get, Global, Logger, Module, type INestApplication } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { ProblemFilter, Public } from '@platform/http';
import request from 'supertest';
import { ACCESS_DENIED_SINK, type AccessDeniedSink } from './access-denied';
import { routesWithoutAccessRule } from './access-rules';
import { Access, CurrentPrincipal } from './access.decorators';
import { AuthModule } from './auth.module';
import type { Principal } from './principal';
import {
  accessClaims,
  AUDIENCE,
  JwksServer,
  newKey,
  REALM,
  sign,
  type TestKey,
} from './spec-support/jwks-server';

@Controller('cases')
class CasesController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('municipal')
  @Access({ orgTypes: ['municipality'] })
  municipal(@CurrentPrincipal() principal: Principal) {
    return { orgCode: principal.orgCode };
  }

  @Get('regional')
  @Access({ orgTypes: ['region'] })
  regional() {
    return { regional: true };
  }

  /** Forgot its @Access: must be refused to everyone and reported by routesWithoutAccessRule. */
  @Get('bare')
  bare() {
    return { leaked: true };
  }

  /** A message handler is no HTTP route and needs no rule. */
  @EventPattern('some.topic')
  onEvent(data: unknown) {
    return data;
  }
}

const denials: Parameters<AccessDeniedSink['denied']>[] = [];
const recordingSink: AccessDeniedSink = {
  denied: async (...attempt) => void denials.push(attempt),
};

@Global()
@Module({
  providers: [{ provide: ACCESS_DENIED_SINK, useValue: recordingSink }],
  exports: [ACCESS_DENIED_SINK],
})
class RecordingSinkModule {}

async function startApp(keycloakUrl: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [RecordingSinkModule, AuthModule.forRoot({ keycloakUrl, realm: REALM, audience: AUDIENCE })],
    controllers: [CasesController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new ProblemFilter());
  await app.init();
  return app;
}

describe('AuthGuard', () => {
  let server: JwksServer;
  let key: TestKey;
  let app: INestApplication;
  let token: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    key = await newKey('guard-key');
    server = await JwksServer.start([key]);
    app = await startApp(server.keycloakUrl);
    token = await sign(key, accessClaims(server.issuer));
  });
  afterAll(async () => {
    await app.close();
    await server.stop();
  });
  beforeEach(() => (denials.length = 0));

  it('lets a caller meeting the @Access rule in', async () => {
    const res = await request(app.getHttpServer()).get('/cases/municipal').auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ orgCode: '101' });
  });

  it('opens @Public routes without a token', async () => {
    expect((await request(app.getHttpServer()).get('/cases/open')).status).toBe(200);
  });

  it('answers 401 problem+json without a token', async () => {
    const res = await request(app.getHttpServer()).get('/cases/municipal');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses the wrong organisation kind with 403 and reports the denial', async () => {
    const res = await request(app.getHttpServer()).get('/cases/regional').auth(token, { type: 'bearer' });
    expect(res.status).toBe(403);
    expect(denials).toHaveLength(1);
  });

  it('denies by default: a route without @Access is 403 for a valid token, with a denial recorded', async () => {
    const res = await request(app.getHttpServer()).get('/cases/bare').auth(token, { type: 'bearer' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:dk:social:problem:forbidden' });
    expect(denials).toEqual([
      [expect.objectContaining({ orgCode: '101' }), expect.objectContaining({ action: 'GET /cases/bare' })],
    ]);
  });

  it('finds exactly the HTTP routes that are neither @Access nor @Public', () => {
    expect(routesWithoutAccessRule(app)).toEqual(['GET cases/bare (CasesController.bare)']);
  });

  it('answers 401 to a bad token without naming where the keys live', async () => {
    const res = await request(app.getHttpServer())
      .get('/cases/municipal')
      .auth(`${token}x`, { type: 'bearer' });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|certs|realms/);
  });
});

describe('AuthGuard with Keycloak down', () => {
  it('answers 503 problem+json with Retry-After and no host or port in the body', async () => {
    const key = await newKey('down-key');
    const server = await JwksServer.start([key]);
    const token = await sign(key, accessClaims(server.issuer));
    await server.stop();
    const app = await startApp(server.keycloakUrl);
    try {
      const res = await request(app.getHttpServer()).get('/cases/municipal').auth(token, { type: 'bearer' });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.body).toMatchObject({ type: 'urn:dk:social:problem:service-unavailable', status: 503 });
      const body = JSON.stringify(res.body);
      expect(body).not.toContain('127.0.0.1');
      expect(body).not.toContain(String(server.port));
      expect(body).not.toMatch(/ECONNREFUSED|fetch failed|certs/);
    } finally {
      await app.close();
    }
  });
});
