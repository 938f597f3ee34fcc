import type { Principal } from './principal';

/**
 * Where denied attempts are reported (rule: every request outside scope leaves an audit event with outcome
 * DENIED). Services bind this token to their audit trail; without a binding, denials are only refused.
 */
export const ACCESS_DENIED_SINK = Symbol('ACCESS_DENIED_SINK');

export interface AccessDeniedSink {
  denied(
    principal: Principal,
    attempt: { action: string; resource: { type: string; id?: string }; requestId?: string },
  ): Promise<void>;
}
