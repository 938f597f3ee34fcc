import { AuditRecorded, createCloudEvent, toKafkaMessage, TOPICS } from '@platform/contracts';
import { PgDatabase } from '@platform/persistence';
import { useService, type TestService } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { auditService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { appendRun, LedgerBatchAppender, type MessageRun } from '../src/ledger/intake/batch-appender';
import { LedgerRepository } from '../src/ledger/ledger.repository';
import { ChainVerifier } from '../src/ledger/domain/chain';

/** An audit event as a Kafka message of audit.events.v1, at an offset of a partition no consumer reads here. */
function message(offset: number, source = '/services/referrals', requestId = randomUUID()) {
  const data = AuditRecorded.schema.parse({
    actor: { subject: randomUUID(), orgType: 'municipality', orgCode: '101', roles: ['caseworker'] },
    action: 'referral.read',
    resource: { type: 'referral', id: randomUUID() },
    purpose: 'visitation',
    outcome: 'ALLOWED',
    requestId,
    service: 'referrals',
    occurredAt: new Date().toISOString(),
  });
  const event = createCloudEvent({ source, type: AuditRecorded.type, subject: 'r', data });
  const { key, value, headers } = toKafkaMessage(event);
  return { key, value, headers, offset: String(offset) };
}

/**
 * A run of messages handed to the batch appender directly (not through the topic, so the running consumer
 * never sees them): what it commits, and what the ledger then holds.
 */
function runOf(messages: MessageRun['messages']) {
  const committed: string[] = [];
  const run: MessageRun = {
    topic: TOPICS.audit,
    partition: 0,
    messages,
    heartbeat: async () => undefined,
    commit: async (offset) => void committed.push(offset),
  };
  return { run, committed };
}

describe('appending a whole batch in one transaction', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(auditService, (service) => (t = service));

  const rowsOf = (requestIds: string[]) =>
    t.db.auditLedgerRow.findMany({ where: { requestId: { in: requestIds } }, orderBy: { seq: 'asc' } });
  const requestIdsOf = (messages: MessageRun['messages']) =>
    messages.map((m) => JSON.parse(String(m.value)).requestId as string);

  it('appends the run in topic order as consecutive links, and commits once past its last message', async () => {
    const messages = Array.from({ length: 50 }, (_, i) => message(i));
    const { run, committed } = runOf(messages);
    expect(await t.app.get(LedgerBatchAppender).append(run)).toBe('batch');
    expect(committed).toEqual(['49']);
    const rows = await rowsOf(requestIdsOf(messages));
    expect(rows.map((r) => r.requestId)).toEqual(requestIdsOf(messages));
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs.at(-1)! - seqs[0]!).toBe(49); // one lock, one head: nothing of another append in between
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it('leaves nothing of a run whose transaction broke off, and applies it exactly once when it comes again', async () => {
    const messages = Array.from({ length: 20 }, (_, i) => message(100 + i));
    const ids = requestIdsOf(messages);
    const db = t.app.get(PgDatabase);
    const ledger = t.app.get(LedgerRepository);
    const events = messages.map((m) => ({
      eventId: String(m.headers.ce_id),
      data: AuditRecorded.schema.parse(JSON.parse(String(m.value))),
    }));
    // the process dies after the rows were written, before COMMIT
    await expect(
      db.$transaction(async (tx) => {
        await appendRun(tx, ledger, { consumer: t.config.kit.consumerGroup, topic: TOPICS.audit }, events);
        throw new Error('killed mid-batch');
      }),
    ).rejects.toThrow('killed mid-batch');
    expect(await rowsOf(ids)).toEqual([]);
    const appender = t.app.get(LedgerBatchAppender);
    // redelivered from the last committed offset: the first half once more, then the whole run again
    for (const redelivery of [messages.slice(0, 10), messages, messages]) {
      const { run, committed } = runOf(redelivery);
      await appender.append(run);
      expect(committed).toEqual([redelivery.at(-1)!.offset]);
    }
    const rows = await rowsOf(ids);
    expect(rows.map((r) => r.requestId)).toEqual(ids);
    const inbox = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM inbox
      WHERE consumer = ${t.config.kit.consumerGroup} AND event_id = ANY(${events.map((e) => e.eventId)}::text[])`;
    expect(Number(inbox[0]!.n)).toBe(20);
  });

  it('takes a run with a message from a foreign source one at a time: the others appended, that one dead-lettered', async () => {
    const messages = [message(200), message(201, '/services/intruder'), message(202)];
    const { run, committed } = runOf(messages);
    expect(await t.app.get(LedgerBatchAppender).append(run)).toBe('one-by-one');
    expect(committed).toEqual(['200', '201', '202']);
    const ids = requestIdsOf(messages);
    expect((await rowsOf(ids)).map((r) => r.requestId)).toEqual([ids[0], ids[2]]);
  });

  it('keeps the chain whole after all of it', async () => {
    const verifier = new ChainVerifier();
    let firstBroken: unknown;
    scan: for await (const rows of t.app.get(LedgerRepository).scan()) {
      for (const row of rows) {
        firstBroken = verifier.checkColumns(row);
        if (firstBroken) break scan;
      }
    }
    expect(firstBroken).toBeUndefined();
    expect(verifier.state.rowsChecked).toBeGreaterThan(70);
  });
});
