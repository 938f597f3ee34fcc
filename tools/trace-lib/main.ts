/**
 * tools/trace: one citizen's case across every service, from the events themselves.
 *   tools/trace <correlation id> [--since <ISO time>]
 * Reads every topic of the registry (libs/contracts, dead-letter topics included) from the beginning, or from
 * --since, to where it ended when the trace began, keeps the events whose `ce_correlationid` header is the
 * given id, and prints one line per event in time order: time, producing service, type, subject and the ids
 * in its data (an audit row: action, resource, outcome, request id). Financing's cost lines and refusion claim
 * lines of the case are rows, not events: they come from financing's API (./financing.ts; FINANCING_URL,
 * TRACE_TOKEN) and are printed in the same time order. Never a CPR number (none is on Kafka) and never a
 * pseudonym. Exits 1 when nothing carries the id, 2 on bad usage or when the broker cannot be read.
 *
 * The correlation id of a referral's case is the X-Request-Id of the request that created it (docs/events.md).
 */
import { allTopicNames, isCorrelationId } from '@platform/contracts';
import type { KafkaSettings } from '@platform/messaging';
import { kafkaPassword, stackSettings } from '@platform/testing';
import { readFinancing } from './financing';
import { readTopics } from './read-topics';
import { formatLine, inTimeOrder, traceLineOf, type TraceLine } from './src/trace-line';

const USAGE = 'usage: tools/trace <correlation id> [--since <ISO time>]';

interface TraceOptions {
  correlationId: string;
  since?: Date;
}

/**
 * Who reads: KAFKA_USERNAME/KAFKA_PASSWORD when set (production: an operator principal with READ and DESCRIBE
 * on the platform's topics and READ on groups prefixed `trace.`), else the local stack's admin, as tools/dlq.
 */
function reader(): KafkaSettings {
  const stack = stackSettings();
  const env = process.env;
  return {
    brokers: stack.kafkaBrokers,
    clientId: 'tools-trace',
    sasl: {
      mechanism: env.KAFKA_SASL_MECHANISM === 'scram-sha-512' ? 'scram-sha-512' : 'scram-sha-256',
      username: env.KAFKA_USERNAME ?? 'admin',
      password: env.KAFKA_PASSWORD ?? kafkaPassword('KAFKA_ADMIN_PASSWORD'),
    },
    ssl: stack.kafkaSsl,
  };
}

function parse(argv: string[]): TraceOptions {
  const [correlationId, ...rest] = argv;
  if (!correlationId || correlationId.startsWith('-')) throw new Error(USAGE);
  if (!isCorrelationId(correlationId))
    throw new Error(`not a correlation id (letters, digits, '.', '_', '-'; at most 100): ${correlationId}`);
  const options: TraceOptions = { correlationId };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--since' && rest[i + 1]) {
      const since = new Date(rest[++i]);
      if (Number.isNaN(since.getTime())) throw new Error(`--since: not a time: ${rest[i]}`);
      options.since = since;
    } else throw new Error(`${USAGE}\nunknown or incomplete option ${rest[i]}`);
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  const lines: TraceLine[] = [];
  const read = await readTopics(
    { kafka: reader(), topics: allTopicNames(), since: options.since, timeoutMs: 300_000 },
    (message) => {
      const line = traceLineOf(message, options.correlationId);
      if (line) lines.push(line);
    },
  );
  lines.push(...(await readFinancing(options.correlationId)));
  for (const line of inTimeOrder(lines)) console.log(formatLine(line));
  if (lines.length === 0) {
    console.error(`[trace] nothing carries correlation id ${options.correlationId} (${read} messages read)`);
    return 1;
  }
  const services = new Set(lines.map((l) => l.service)).size;
  console.error(`[trace] ${lines.length} line(s) from ${services} service(s); ${read} messages read`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[trace] ${error.message}`);
    process.exit(2);
  },
);
