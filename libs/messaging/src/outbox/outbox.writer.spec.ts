import { AuditRecorded } from '@platform/contracts';
import { withCorrelation } from '../correlation/correlation-context';
import type { SqlTransaction } from '../sql-client';
import { OutboxWriter } from './outbox.writer';

/** An outbox row as the writer inserts it: the INSERT's values, by column. */
interface WrittenRow {
  id: string;
  headers: Record<string, string>;
  correlationId: string;
}

/** A transaction that keeps what the writer inserts (one statement per row, as on a Prisma client). */
function recordingTransaction(): SqlTransaction & { rows: WrittenRow[] } {
  const rows: WrittenRow[] = [];
  return {
    rows,
    $executeRaw: (_: TemplateStringsArray, ...values: unknown[]) => {
      rows.push({
        id: values[0] as string,
        headers: JSON.parse(values[4] as string) as Record<string, string>,
        correlationId: values[7] as string,
      });
      return Promise.resolve(1);
    },
    $queryRaw: <T>() => Promise.resolve([] as T),
  };
}

const audit = {
  subject: 'r-1',
  data: {
    actor: { subject: 'u-1', roles: [] },
    action: 'referral.read',
    resource: { type: 'referral', id: 'r-1' },
    purpose: 'visitation',
    outcome: 'ALLOWED' as const,
    service: 'referrals',
    occurredAt: '2026-11-26T12:00:00.000Z',
  },
};

describe('the outbox writer and the correlation id', () => {
  const writer = new OutboxWriter('/services/referrals');

  it("gives the row the current request's id, in the header and the column", async () => {
    const tx = recordingTransaction();
    await withCorrelation('req-4711', () => writer.append(tx, AuditRecorded, audit));
    expect(tx.rows[0].headers.ce_correlationid).toBe('req-4711');
    expect(tx.rows[0].correlationId).toBe('req-4711');
  });

  it("prefers the case's own id when the entry names one", async () => {
    const tx = recordingTransaction();
    await withCorrelation('req-2', () =>
      writer.append(tx, AuditRecorded, { ...audit, correlationId: 'case-1' }),
    );
    expect(tx.rows[0]).toMatchObject({ correlationId: 'case-1', headers: { ce_correlationid: 'case-1' } });
  });

  it('starts a chain at the event itself outside any request or event', async () => {
    const tx = recordingTransaction();
    await writer.append(tx, AuditRecorded, { ...audit, correlationId: null });
    expect(tx.rows[0].correlationId).toBe(tx.rows[0].id);
    expect(tx.rows[0].headers.ce_correlationid).toBe(tx.rows[0].id);
  });

  it('keeps the other extensions next to it', async () => {
    const tx = recordingTransaction();
    await withCorrelation('req-3', () =>
      writer.append(tx, AuditRecorded, { ...audit, extensions: { actor: 'state:state:svc' } }),
    );
    expect(tx.rows[0].headers).toMatchObject({ ce_actor: 'state:state:svc', ce_correlationid: 'req-3' });
  });
});
