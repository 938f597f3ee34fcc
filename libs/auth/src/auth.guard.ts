import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException, PUBLIC_ROUTE } from '@platform/http';
import type { Request } from 'express';
import { ACCESS_DENIED_SINK, type AccessDeniedSink } from './access-denied';
import { ACCESS_KEY, type AccessRule } from './access.decorators';
import type { Principal } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Global guard: every endpoint needs a valid bearer token unless marked @Public(); @Access() narrows it to
 * organisation kinds and roles. 401 for no/invalid token, 403 for the wrong organisation kind or role, both
 * problem+json. Scope on individual records (own municipality…) is checked where the record is loaded.
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
    if (rule && !allows(rule, principal)) {
      await this.deniedSink?.denied(principal, {
        action: `${request.method} ${request.route?.path ?? request.path}`,
        resource: { type: context.getClass().name.replace(/Controller$/, '') },
        requestId: request.header('x-request-id'),
      });
      throw ProblemException.forbidden(describeRule(rule));
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
      throw error;
    }
  }
}

function allows(rule: AccessRule, principal: Principal): boolean {
  if (!rule.orgTypes.includes(principal.orgType)) return false;
  return !rule.roles?.length || rule.roles.some((r) => principal.roles.includes(r));
}

function describeRule(rule: AccessRule): string {
  const roles = rule.roles?.length ? ` with role ${rule.roles.join(' or ')}` : '';
  return `only ${rule.orgTypes.join(' or ')} callers${roles} may do this`;
}
