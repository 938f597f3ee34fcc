import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fill, nextPort, renderTemplate, serviceNames } from './render';
import { insertBefore, kafkaPassword } from './wire';

const TEMPLATE = join(__dirname, '..', 'template');

describe('the service generator', () => {
  const names = serviceNames('specialty-planning', 3002, new Date('2026-11-26T11:49:28Z'));

  it('writes one service name in all its forms', () => {
    expect(names).toEqual({
      name: 'specialty-planning',
      camel: 'specialtyPlanning',
      title: 'Specialty planning',
      port: 3002,
      timestamp: '20261126114928',
    });
    expect(fill('__camel__Service on __port__: apps/__name__ (__Title__)', names)).toBe(
      'specialtyPlanningService on 3002: apps/specialty-planning (Specialty planning)',
    );
  });

  it('refuses a name that is not lower-case words joined by hyphens', () => {
    for (const bad of ['Specialty', 'specialty_planning', '-x', 'x-', '1x', 'a--b']) {
      expect(() => serviceNames(bad, 3009)).toThrow(/lower-case words/);
    }
  });

  it('takes the next port after the services that exist', () => {
    expect(nextPort([3001, 3002])).toBe(3003);
    expect(nextPort([])).toBe(3001);
  });

  it('renders the template with every placeholder filled and the first migration timestamped', () => {
    const files = renderTemplate(TEMPLATE, names);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'src/main.ts',
        'src/app.module.ts',
        'prisma/schema/specialty-planning.prisma',
        'prisma/migrations/20261126114928_init/migration.sql',
        'test/specialty-planning.int-spec.ts',
      ]),
    );
    for (const file of files) {
      expect({ path: file.path, text: file.text }).not.toEqual(
        expect.objectContaining({ text: expect.stringMatching(/__(name|camel|Title|port)__/) }),
      );
    }
  });

  // specialty-planning was created with it; its capabilities have replaced the example since, but the frame stays.
  const KEPT_AS_GENERATED = [
    'src/main.ts',
    'src/database/prisma.service.ts',
    'prisma.config.ts',
    'prisma/migrations/20261126114928_init/migration.sql',
    'prisma/migrations/migration_lock.toml',
  ];

  it('renders the frame of the committed specialty-planning service (created with it) exactly', () => {
    const app = join(__dirname, '..', '..', '..', 'apps', 'specialty-planning');
    const rendered = renderTemplate(TEMPLATE, names).filter((f) => KEPT_AS_GENERATED.includes(f.path));
    expect(rendered.map((f) => f.path).sort()).toEqual([...KEPT_AS_GENERATED].sort());
    for (const file of rendered) {
      expect({ path: file.path, text: readFileSync(join(app, file.path), 'utf8') }).toEqual({
        path: file.path,
        text: file.text,
      });
    }
  });

  it('wires a service in once: a second run changes nothing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'generator-')), 'services.ts');
    writeFileSync(
      file,
      "export const SERVICES = [\n  service('referrals', 3001),\n  // new-service: entries above\n];\n",
    );
    insertBefore(file, 'new-service: entries above', "  service('knowledge', 3003),\n");
    insertBefore(file, 'new-service: entries above', "  service('knowledge', 3003),\n");
    expect(readFileSync(file, 'utf8')).toBe(
      "export const SERVICES = [\n  service('referrals', 3001),\n  service('knowledge', 3003),\n  // new-service: entries above\n];\n",
    );
  });

  it('gives the service a demo Kafka password and its fingerprint, never the same twice', () => {
    const first = kafkaPassword(names);
    expect(first.variable).toBe('SPECIALTY_PLANNING_KAFKA_PASSWORD');
    expect(first.line).toMatch(
      /^SPECIALTY_PLANNING_KAFKA_PASSWORD=demo-kafka-specialty-planning-[0-9a-f]{16}\n$/,
    );
    expect(first.fingerprintLine).toMatch(/^ {2}'[0-9a-f]{64}', \/\/ SPECIALTY_PLANNING_KAFKA_PASSWORD\n$/);
    expect(kafkaPassword(names).line).not.toBe(first.line);
  });
});
