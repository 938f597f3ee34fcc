import { readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import type { ServiceNames } from './render';

/** Inserts `text` before the line holding `marker`, once (a second run changes nothing). */
export function insertBefore(file: string, marker: string, text: string): void {
  const source = readFileSync(file, 'utf8');
  if (source.includes(text)) return;
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`${file} has no line with "${marker}"`);
  const lineStart = source.lastIndexOf('\n', at) + 1;
  writeFileSync(file, source.slice(0, lineStart) + text + source.slice(lineStart));
}

/** tools/services.ts: the list tools/platform, tools/migrate and the seed read. */
export const servicesEntry = (n: ServiceNames) => `  service('${n.name}', ${n.port}),\n`;

/** infra/postgres/init-databases.sql: the database docker-compose and tools/stack create. */
export const databaseLine = (n: ServiceNames) => `CREATE DATABASE ${n.name.replace(/-/g, '_')};\n`;

/** docker-compose.yml: the service beside the others (host networking, as they run with tools/stack). */
export const composeService = (n: ServiceNames) => `  ${n.name}:
    build: { context: ., dockerfile: infra/docker/Dockerfile }
    command: ['node', 'dist/apps/${n.name}/src/main.js']
    network_mode: host
    env_file: infra/env/demo.env
    environment:
      NODE_ENV: demo
      PORT: ${n.port}
    depends_on:
      migrate: { condition: service_completed_successfully }
      kafka: { condition: service_healthy }
      keycloak: { condition: service_healthy }

`;

/** The service's demo Kafka password (infra/env/demo.env) and its fingerprint for the production guardrails. */
export function kafkaPassword(n: ServiceNames): { variable: string; line: string; fingerprintLine: string } {
  const variable = `${n.name.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`;
  const value = `demo-kafka-${n.name}-${randomBytes(8).toString('hex')}`;
  const fingerprint = createHash('sha256').update(value).digest('hex');
  return {
    variable,
    line: `${variable}=${value}\n`,
    fingerprintLine: `  '${fingerprint}', // ${variable}\n`,
  };
}
