/**
 * Creates a service from the kit's template: `tools/new-service <name> [--port N]` (see libs/kit/README.md).
 * It writes apps/<name> (main.ts + app module on libs/kit, Prisma schema folder with the platform tables,
 * first migration, an example endpoint and an integration test) and wires the service into tools/services.ts
 * (tools/platform starts it, tools/migrate migrates it), the realm (its /docs may sign in), the databases of the
 * stack and docker-compose.
 * CI runs its test with everything else, since npm test runs every apps/<service>/test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SERVICES } from '../services';
import { nextPort, renderTemplate, serviceNames, type ServiceNames } from './src/render';
import { composeService, databaseLine, insertBefore, kafkaPassword, servicesEntry } from './src/wire';

const ROOT = resolve(__dirname, '..', '..');

function main(args: string[]): void {
  const [name, flag, value] = args;
  if (!name) throw new Error('usage: tools/new-service <name> [--port N]');
  const port = flag === '--port' ? Number(value) : nextPort(SERVICES.map((s) => s.port));
  const names = serviceNames(name, port);
  const app = join(ROOT, 'apps', name);
  if (existsSync(app)) throw new Error(`apps/${name} exists already`);
  if (SERVICES.some((s) => s.port === port)) throw new Error(`port ${port} is taken`);

  for (const file of renderTemplate(join(__dirname, 'template'), names)) {
    mkdirSync(dirname(join(app, file.path)), { recursive: true });
    writeFileSync(join(app, file.path), file.text);
  }
  symlinkSync(
    '../../../../libs/persistence/platform/platform.prisma',
    join(app, 'prisma/schema/platform.prisma'),
  );

  insertBefore(join(ROOT, 'tools/services.ts'), 'new-service: entries above', servicesEntry(names));
  appendOnce(join(ROOT, 'infra/postgres/init-databases.sql'), databaseLine(names));
  insertBefore(join(ROOT, 'docker-compose.yml'), '\nvolumes:', composeService(names));
  addKafkaPassword(names);

  // The realm lets every service's /docs sign in (redirect URIs per port): regenerated with the new entry.
  run('npx', ['--no-install', 'tsx', 'tools/keycloak/generate-realm.ts']);
  run('npx', ['prettier', '--write', `apps/${name}`, 'tools/services.ts', '--log-level=warn']);
  console.log(
    `[new-service] apps/${name} on port ${port}. Next: npm install (links the workspace), npm test.`,
  );
}

/** The broker has a SCRAM user per service (tools/stack): its demo password, fingerprinted for production. */
function addKafkaPassword(names: ServiceNames): void {
  const demoEnv = join(ROOT, 'infra/env/demo.env');
  const password = kafkaPassword(names);
  if (readFileSync(demoEnv, 'utf8').includes(`${password.variable}=`)) return;
  appendOnce(demoEnv, password.line);
  insertBefore(
    join(ROOT, 'libs/kit/src/config/production-guardrails.ts'),
    'new-service: the demo Kafka passwords',
    password.fingerprintLine,
  );
}

function appendOnce(file: string, line: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(line)) writeFileSync(file, text.endsWith('\n') ? text + line : `${text}\n${line}`);
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`[new-service] ${(error as Error).message}`);
  process.exit(1);
}
