import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@platform/auth';
import { ProblemException, problemType } from '@platform/http';
import { isLockNotAvailable } from '@platform/messaging';
import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { from, lastValueFrom, map, type Observable } from 'rxjs';
import { KIT_CONFIG, type KitConfig } from '../config/kit-config';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyStore } from './idempotency.store';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const HTTP_CODE_METADATA = '__httpCode__';
const REPLAYED_HEADERS = ['etag', 'location'];

type Outcome =
  | { replayed: false; body: unknown }
  | { replayed: true; status: number; body: unknown; headers: Record<string, string> };

/**
 * `Idempotency-Key` on POST: a retried call (same caller, same key, same request) gets the first call's
 * response again (`Idempotent-Replayed: true`) and has no second effect. The caller is the organisation and
 * the subject of the token, so one organisation's key never answers another. The same key with another
 * request is 422; a key whose first call is still running after a wait is 409. The request hash is an HMAC
 * under a service key: the table holds nothing from which a body (or the CPR number in it) can be guessed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly store = new IdempotencyStore();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reflector: Reflector,
    @Inject(KIT_CONFIG) private readonly config: KitConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined || !req.principal) return next.handle();
    if (!KEY.test(key)) {
      throw ProblemException.validation([
        { pointer: 'header:Idempotency-Key', detail: 'must be 8-200 characters of A-Z a-z 0-9 . _ : -' },
      ]);
    }
    const res = context.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.handleOnce(req, res, key, status, next)).pipe(
      map((outcome) => {
        if (!outcome.replayed) return outcome.body;
        res.status(outcome.status).setHeader('Idempotent-Replayed', 'true');
        for (const [name, value] of Object.entries(outcome.headers)) res.setHeader(name, value);
        return outcome.body;
      }),
    );
  }

  private async handleOnce(
    req: Request & { principal?: Principal },
    res: Response,
    key: string,
    status: number,
    next: CallHandler,
  ): Promise<Outcome> {
    const caller = callerOf(req.principal!);
    const hash = this.requestHash(req);
    try {
      return await this.uow.around(async (tx) => {
        const claim = await this.store.claim(tx, caller, key, hash);
        if (claim.kind === 'mismatch') {
          throw conflict(
            422,
            'idempotency-key-reused',
            'this Idempotency-Key was used for a different request',
          );
        }
        if (claim.kind === 'replay') return { replayed: true, ...claim };
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const headers = responseHeaders(res);
        await this.store.complete(tx, caller, key, { status, body, headers });
        return { replayed: false, body };
      });
    } catch (error) {
      if (isLockNotAvailable(error)) {
        throw conflict(
          409,
          'idempotency-key-in-use',
          'a request with this Idempotency-Key is still being processed',
        );
      }
      throw error;
    }
  }

  private requestHash(req: Request): string {
    return createHmac('sha256', this.config.requestHashKey)
      .update(`${req.method} ${req.path}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
  }
}

/** Keys belong to one caller: organisation kind and code, and the token's subject. */
export function callerOf(principal: Principal): string {
  return `${principal.orgType}:${principal.orgCode}:${principal.subject}`;
}

function responseHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function conflict(status: number, slug: string, detail: string): ProblemException {
  return new ProblemException({ type: problemType(slug), title: 'Idempotency-Key conflict', status, detail });
}
