import { findMunicipality, findRegion } from '@platform/domain';
import type { ChainedRow } from './chain';

/**
 * The ledger as FHIR R4 AuditEvent resources (http://hl7.org/fhir/R4/auditevent.html), shaped after IHE Basic
 * Audit Log Patterns: the person or system as the requesting agent, its organisation as a second agent, the
 * service as the source, the resource touched and the citizen (by pseudonym, never CPR) as entities, the
 * purpose as purposeOfEvent. Codes outside HL7's value sets use this platform's URN code systems.
 */
const CS = {
  eventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  sourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  entityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  action: 'urn:dk:social:audit:action',
  purpose: 'urn:dk:social:audit:purpose',
  role: 'urn:dk:social:role',
  subject: 'urn:dk:social:keycloak:subject',
  pseudonym: 'urn:dk:social:citizen-pseudonym',
  resourceType: 'urn:dk:social:resource-type',
  ledger: 'urn:dk:social:audit-ledger',
} as const;

type Coding = { system: string; code: string; display?: string };
export type FhirAuditEvent = Record<string, unknown> & { resourceType: 'AuditEvent'; id: string };

/** C create, R read, U update, D delete, E execute (a command or decision): from the action's verb. */
export function fhirAction(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  const verb = action.split(/[.\s]/).at(-1)?.toLowerCase() ?? '';
  if (/^(read|list|get|search|query|export|view|verify|checkpoint)$/.test(verb) || action.startsWith('GET '))
    return 'R';
  if (/^(create|submit-new|import)$/.test(verb) || action.startsWith('POST ')) return 'C';
  if (/^(update|patch|change|put)$/.test(verb) || action.startsWith('PUT ') || action.startsWith('PATCH '))
    return 'U';
  if (/^(delete|remove)$/.test(verb) || action.startsWith('DELETE ')) return 'D';
  return 'E';
}

/** The organisation's name from the reference data (municipality, region) or `Staten`. */
export function organisationName(orgType: string | null, orgCode: string | null): string | undefined {
  if (!orgCode) return undefined;
  if (orgType === 'municipality') return findMunicipality(orgCode)?.name;
  if (orgType === 'region') return findRegion(orgCode)?.name;
  if (orgType === 'state') return 'Staten';
  return undefined;
}

/** A FHIR id: [A-Za-z0-9\-.]{1,64}; event ids are UUIDs, anything else falls back to the ledger position. */
const fhirId = (row: ChainedRow) =>
  /^[A-Za-z0-9\-.]{1,64}$/.test(row.eventId) ? row.eventId : `seq-${row.seq}`;

function agents(row: ChainedRow) {
  const person = {
    role: row.actorRoles.map((r) => ({ coding: [{ system: CS.role, code: r }] })),
    who: { identifier: { system: CS.subject, value: row.actorSubject } },
    ...(row.actorClientId ? { altId: row.actorClientId } : {}),
    requestor: true,
  };
  if (!row.actorOrgType || !row.actorOrgCode) return [person];
  const name = organisationName(row.actorOrgType, row.actorOrgCode);
  const organisation = {
    type: { coding: [{ system: 'urn:dk:social:org-type', code: row.actorOrgType }] },
    who: {
      identifier: { system: `urn:dk:social:org:${row.actorOrgType}`, value: row.actorOrgCode },
      ...(name ? { display: name } : {}),
    },
    requestor: false,
  };
  return [person, organisation];
}

function entities(row: ChainedRow) {
  const resource = {
    what: {
      ...(row.resourceId
        ? { identifier: { system: `urn:dk:social:${row.resourceType}`, value: row.resourceId } }
        : {}),
      display: row.resourceType,
    },
    type: { system: CS.entityType, code: '2', display: 'System Object' },
    ...(row.requestId ? { detail: [{ type: 'requestId', valueString: row.requestId }] } : {}),
  };
  if (!row.citizenPseudonym) return [resource];
  const citizen = {
    what: { identifier: { system: CS.pseudonym, value: row.citizenPseudonym } },
    type: { system: CS.entityType, code: '1', display: 'Person' },
    role: { system: CS.objectRole, code: '1', display: 'Patient' },
  };
  return [resource, citizen];
}

export function toFhirAuditEvent(row: ChainedRow): FhirAuditEvent {
  const subtype: Coding = { system: CS.action, code: row.action };
  return {
    resourceType: 'AuditEvent',
    id: fhirId(row),
    type: { system: CS.eventType, code: 'rest', display: 'RESTful Operation' },
    subtype: [subtype],
    action: fhirAction(row.action),
    recorded: row.occurredAt,
    // 0 success; 4 minor failure: the attempt was refused, nothing was read or changed
    outcome: row.outcome === 'ALLOWED' ? '0' : '4',
    ...(row.outcome === 'ALLOWED' ? {} : { outcomeDesc: row.outcome }),
    purposeOfEvent: [{ coding: [{ system: CS.purpose, code: row.purpose }] }],
    agent: agents(row),
    source: {
      site: 'dk.social platform',
      observer: { display: row.service },
      type: [{ system: CS.sourceType, code: '4', display: 'Application Server' }],
    },
    entity: entities(row),
    extension: [
      { url: `${CS.ledger}:seq`, valueString: row.seq },
      { url: `${CS.ledger}:hash`, valueString: row.hash },
      { url: `${CS.ledger}:prev-hash`, valueString: row.prevHash },
    ],
  };
}

export interface BundleLinks {
  self: string;
  next?: string;
}

/** A searchset Bundle of AuditEvents, one page of the ledger; `next` continues with the cursor. */
export function toFhirBundle(rows: ChainedRow[], links: BundleLinks, timestamp: Date) {
  return {
    resourceType: 'Bundle' as const,
    type: 'searchset',
    timestamp: timestamp.toISOString(),
    link: [
      { relation: 'self', url: links.self },
      ...(links.next ? [{ relation: 'next', url: links.next }] : []),
    ],
    entry: rows.map((row) => {
      const resource = toFhirAuditEvent(row);
      return {
        fullUrl: /^[0-9a-f-]{36}$/i.test(resource.id)
          ? `urn:uuid:${resource.id}`
          : `${CS.ledger}:${resource.id}`,
        resource,
        search: { mode: 'match' },
      };
    }),
  };
}
