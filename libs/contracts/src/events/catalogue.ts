import type { EventDefinition } from './event-definition';
import { AuditRecorded } from './audit.events';
import { FINANCING_EVENTS } from './financing.events';
import { KNOWLEDGE_EVENTS } from './knowledge.events';
import { PLANNING_EVENTS } from './planning.events';
import { REFERRAL_EVENTS } from './referral.events';

/** Every event the platform knows, for lookup by CloudEvents type (consumers, docs, tests). */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  ...REFERRAL_EVENTS,
  ...PLANNING_EVENTS,
  ...KNOWLEDGE_EVENTS,
  ...FINANCING_EVENTS,
  AuditRecorded,
];

export function findEventDefinition(type: string): EventDefinition | undefined {
  return EVENT_CATALOGUE.find((d) => d.type === type);
}
