import {
  DiagnosticSeverity,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
} from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCloudEvent } from '../cloudevents/cloud-event';
import { toKafkaMessage } from '../cloudevents/kafka-binding';
import { EVENT_CATALOGUE } from '../events/catalogue';
import { allTopicNames, TOPIC_REGISTRY } from '../topics';
import { buildAsyncApiDocument } from './asyncapi';
import { cloudEventHeaders } from './kafka-headers';

const COMMITTED = join(__dirname, '../../../../docs/asyncapi/platform.json');
// The parser's only remark on a valid 3.0.0 document is that 3.1.0 exists; 3.0.0 is what issue 6 asks for.
const ACCEPTED_REMARKS = new Set(['asyncapi-latest-version']);

describe('the AsyncAPI document', () => {
  const generated = buildAsyncApiDocument();
  let parsed: AsyncAPIDocumentInterface;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    // parse() runs the same validation as validate() and also yields the model the other tests read
    const output = await new Parser().parse(JSON.stringify(generated));
    diagnostics = output.diagnostics;
    parsed = output.document!;
  });

  it('passes @asyncapi/parser validation with no error, warning or unexpected remark', () => {
    const problems = diagnostics.filter(
      (d) => d.severity <= DiagnosticSeverity.Warning || !ACCEPTED_REMARKS.has(String(d.code)),
    );
    expect(problems.map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
  });

  it('is AsyncAPI 3.0.0 with the local Kafka broker', () => {
    expect(parsed.version()).toBe('3.0.0');
    const server = parsed.servers().get('local');
    expect([server?.host(), server?.protocol()]).toEqual(['127.0.0.1:9092', 'kafka']);
  });

  it('has a channel for every topic and dead-letter topic of the registry, and nothing else', () => {
    const addresses = parsed
      .channels()
      .all()
      .map((c) => c.address());
    expect([...addresses].sort()).toEqual([...allTopicNames()].sort());
  });

  it('puts every event type on its topic, with the data schema as payload and the subject as key', () => {
    for (const definition of EVENT_CATALOGUE) {
      const channel = parsed
        .channels()
        .all()
        .find((c) => c.address() === definition.topic);
      const message = channel
        ?.messages()
        .all()
        .find((m) => m.name() === definition.type);
      expect(message).toBeDefined();
      // strict zod objects: a client learns that unknown fields are refused
      expect(message!.payload()?.additionalProperties()).toBe(false);
      expect(message!.headers()?.allOf()?.[1].properties()?.ce_type.const()).toBe(definition.type);
      expect(message!.bindings().get('kafka')?.value().key).toMatchObject({ type: 'string' });
    }
    const eventMessages = parsed
      .messages()
      .all()
      .filter((m) => m.name() !== 'dead-letter');
    expect(eventMessages).toHaveLength(EVENT_CATALOGUE.length);
  });

  it('lets the registry producers send and its consumers receive, each topic with its partitions', () => {
    for (const topic of TOPIC_REGISTRY) {
      const channel = parsed
        .channels()
        .all()
        .find((c) => c.address() === topic.name)!;
      expect(channel.bindings().get('kafka')?.value().partitions).toBe(topic.partitions);
      const by = (action: string) =>
        channel
          .operations()
          .all()
          .filter((o) => o.action() === action)
          .map((o) => o.tags().all()[0].name())
          .sort();
      expect(by('send')).toEqual([...topic.producers].sort());
      expect(by('receive')).toEqual([...topic.consumers].sort());
    }
  });

  it('describes the headers the Kafka binding really writes', () => {
    const event = createCloudEvent({
      source: '/services/referrals',
      type: EVENT_CATALOGUE[0].type,
      subject: 'a1b2',
      data: {},
      extensions: {
        actor: 'municipality:101:muni-101-system',
        correlationid: 'caller-req.42_a',
        traceparent: '00-abc-def-01',
      },
    });
    const headers = toKafkaMessage(event).headers;
    expect(headers.ce_correlationid).toBe('caller-req.42_a');
    expect(cloudEventHeaders.safeParse(headers).error).toBeUndefined();
    expect(cloudEventHeaders.safeParse({ ...headers, ce_specversion: '0.3' }).success).toBe(false);
    expect(cloudEventHeaders.safeParse({ ...headers, ce_correlationid: 'not an id' }).success).toBe(false);
  });

  it('is committed as docs/asyncapi/platform.json (rewrite with `npx tsx tools/asyncapi.ts`)', () => {
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(generated);
  });
});
