import type { Principal } from '@platform/auth';

const SYSTEM = Symbol('system principal');

/**
 * The service itself, acting on an event it consumed (advice from knowledge) or on a schedule (an advice
 * deadline passed): no person, no token, no HTTP request. Such a change still goes through the command
 * runner, so it has its event and its audit record like any other; the audit names the service
 * (`service:<name>`), not a person. The platform's services are run on the state's behalf, hence orgType
 * `state`. Recognised by a symbol only the kit can set, so no token can claim it.
 */
export function systemPrincipal(service: string): Principal {
  return Object.assign(
    { subject: `service:${service}`, clientId: service, orgType: 'state', orgCode: 'state', roles: [] },
    { [SYSTEM]: true },
  ) as Principal;
}

export function isSystemPrincipal(principal: Principal): boolean {
  return (principal as Principal & { [SYSTEM]?: boolean })[SYSTEM] === true;
}
