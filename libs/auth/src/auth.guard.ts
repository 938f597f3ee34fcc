import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PROBLEM_TYPES, ProblemException, PUBLIC_ROUTE } from '@platform/http';
import type { Request } from 'express';
import { ACCESS_DENIED_SINK, type AccessDeniedSink } from './access-denied';
import { ACCESS_KEY, type AccessRule } from './access.decorators';
import type { Principal } from './principal';
import { InvalidTokenError, KeysUnavailableError } from './token-errors';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard, deny by default: an endpoint is open only when marked @Public(), otherwise it needs a valid
 * bearer token AND an @Access() rule the caller meets; an endpoint with neither is refused to everyone, so a
 * forgotten decorator fails closed (routesWithoutAccessRule() finds such endpoints in a test). 401 for no/invalid
 * token, 403 for the wrong organisation kind or role or no rule, 503 with Retry-After when the identity
 * provider's keys cannot be fetched, all problem+json. Scope on individual records (own municipality…) is
 * checked where the record is loaded.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(ACCESS_DENIED_SINK) private readonly deniedSink?: AccessDeniedSink,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule || !allows(rule, principal)) {
      await this.deniedSink?.denied(principal, {
        action: `${request.method} ${request.route?.path ?? request.path}`,
        resource: { type: context.getClass().name.replace(/Controller$/, '') },
        requestId: request.header('x-request-id'),
      });
      throw ProblemException.forbidden(rule ? describeRule(rule) : 'this endpoint declares no access rule');
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.header('authorization');
    const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]+)$/);
    if (!match) throw ProblemException.unauthenticated('a bearer token is required');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw ProblemException.unauthenticated(error.message);
      if (error instanceof KeysUnavailableError) throw unavailable(error);
      throw error;
    }
  }
}

/** The body says what happened and when to retry; where the keys live stays in the log. */
function unavailable(error: KeysUnavailableError): ProblemException {
  return new ProblemException(
    { type: PROBLEM_TYPES.unavailable, title: 'Service unavailable', status: 503, detail: error.message },
    { 'Retry-After': String(error.retryAfterSeconds) },
  );
}

function allows(rule: AccessRule, principal: Principal): boolean {
  if (!rule.orgTypes.includes(principal.orgType)) return false;
  return !rule.roles?.length || rule.roles.some((r) => principal.roles.includes(r));
}

function describeRule(rule: AccessRule): string {
  const roles = rule.roles?.length ? ` with role ${rule.roles.join(' or ')}` : '';
  return `only ${rule.orgTypes.join(' or ')} callers${roles} may do this`;
}
