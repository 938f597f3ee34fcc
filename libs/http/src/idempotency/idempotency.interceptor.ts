import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import { ProblemException, problemType } from '../problem/problem';

export type IdempotencyState =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown; etag: string | null }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

/** Where a service keeps POST results by (client, Idempotency-Key). */
export interface IdempotencyStore {
  /** Claims the key for this request, or says what happened to it before. */
  begin(clientId: string, key: string, requestHash: string): Promise<IdempotencyState>;
  complete(clientId: string, key: string, status: number, body: unknown, etag: string | null): Promise<void>;
  /** Frees the key after a failed request, so the client may retry it. */
  abandon(clientId: string, key: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
const KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const HTTP_CODE_METADATA = '__httpCode__';

/**
 * `Idempotency-Key` on POST: a retried call (same client, same key, same request) gets the first call's
 * response again (with `Idempotent-Replayed: true`) and has no second effect. The same key with another
 * request is 422; a key whose first call is still running is 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: { clientId: string } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined || !req.principal) return next.handle();
    if (!KEY.test(key)) {
      throw ProblemException.validation([
        { pointer: 'header:Idempotency-Key', detail: 'must be 8-200 characters of A-Z a-z 0-9 . _ : -' },
      ]);
    }
    const clientId = req.principal.clientId;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.path}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.store.begin(clientId, key, hash)).pipe(
      mergeMap((state) => {
        switch (state.kind) {
          case 'replay':
            res.status(state.status).setHeader('Idempotent-Replayed', 'true');
            if (state.etag) res.setHeader('ETag', state.etag);
            return of(state.body);
          case 'in-progress':
            throw conflict(
              409,
              'idempotency-key-in-use',
              'a request with this Idempotency-Key is still being processed',
            );
          case 'mismatch':
            throw conflict(
              422,
              'idempotency-key-reused',
              'this Idempotency-Key was used for a different request',
            );
          case 'new':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.store.complete(
                  clientId,
                  key,
                  status,
                  body,
                  (res.getHeader('etag') as string | undefined) ?? null,
                );
                return body;
              }),
              catchError(async (error: unknown) => {
                await this.store.abandon(clientId, key);
                throw error;
              }),
            );
        }
      }),
    );
  }
}

function conflict(status: number, slug: string, detail: string): ProblemException {
  return new ProblemException({ type: problemType(slug), title: 'Idempotency-Key conflict', status, detail });
}
