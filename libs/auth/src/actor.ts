import type { Principal } from './principal';

/** Who caused an event, as a CloudEvents extension: ids and organisation, never a token or a name. */
export function actorExtension(principal: Principal): Record<string, string> {
  return { actor: `${principal.orgType}:${principal.orgCode}:${principal.clientId}` };
}
