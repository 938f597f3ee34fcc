import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ORG_TYPES, type FunctionalRole, type OrgType, type Principal } from './principal';

export const ACCESS_KEY = 'auth:access';

/** Who may call an endpoint: any of the organisation kinds AND any of the roles (when given). */
export interface AccessRule {
  orgTypes: OrgType[];
  roles?: FunctionalRole[];
}

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

/**
 * Any valid token of the platform, whatever its organisation and role: for what every organisation may read
 * (the offer directory, plans, functions, responsibility, knowledge environments).
 */
export const ANY_ORGANISATION: AccessRule = { orgTypes: [...ORG_TYPES] };

/** The verified caller, set by the AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an endpoint without authentication');
  return principal;
});
