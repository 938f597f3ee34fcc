/**
 * tools/dlq: the operator's side of the dead-letter topics.
 *   replay <topic> [--dry-run] [--since <ISO time>] [--offset <n>]
 * Reads `<topic>.dlq` from where the last replay of that topic stopped (its own consumer group), or from the
 * first message at/after --since, or from offset --offset in every partition; republishes each message to
 * <topic> as it was first produced (key, value, ce_* headers; the dlq_* headers dropped); prints what it
 * replayed. --dry-run lists and changes nothing. A consumer applies a replayed event once: its inbox knows the
 * event id if it was applied after all.
 */
import { kafkaPassword, stackSettings } from '@platform/testing';
import type { KafkaSettings } from '@platform/messaging';
import { replay, type ReplayOptions } from './replay';

const USAGE = 'usage: tools/dlq replay <topic> [--dry-run] [--since <ISO time>] [--offset <n>]';

/**
 * Who replays: KAFKA_USERNAME/KAFKA_PASSWORD when set (production: an operator principal with READ on the DLQ,
 * WRITE on the topic and its `dlq-replay.` groups), else the local stack's admin (infra/env/demo.env).
 */
function operator(): KafkaSettings {
  const stack = stackSettings();
  const env = process.env;
  return {
    brokers: stack.kafkaBrokers,
    clientId: 'tools-dlq',
    sasl: {
      mechanism: env.KAFKA_SASL_MECHANISM === 'scram-sha-512' ? 'scram-sha-512' : 'scram-sha-256',
      username: env.KAFKA_USERNAME ?? 'admin',
      password: env.KAFKA_PASSWORD ?? kafkaPassword('KAFKA_ADMIN_PASSWORD'),
    },
    ssl: stack.kafkaSsl,
  };
}

function parse(argv: string[]): ReplayOptions {
  const [command, topic, ...rest] = argv;
  if (command !== 'replay' || !topic || topic.startsWith('-')) throw new Error(USAGE);
  const options: ReplayOptions = { topic, dryRun: false, kafka: operator() };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--dry-run') options.dryRun = true;
    else if (flag === '--since' && rest[i + 1]) {
      const since = new Date(rest[++i]);
      if (Number.isNaN(since.getTime())) throw new Error(`--since: not a time: ${rest[i]}`);
      options.since = since;
    } else if (flag === '--offset' && /^\d+$/.test(rest[i + 1] ?? '')) options.offset = rest[++i];
    else throw new Error(`${USAGE}\nunknown or incomplete option ${flag}`);
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  const replayed = await replay(options, (line) => console.log(line));
  console.log(
    `${options.dryRun ? 'would replay' : 'replayed'} ${replayed} message(s) from ${options.topic}.dlq to ${options.topic}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[dlq] ${error.message}`);
    process.exit(2);
  },
);
