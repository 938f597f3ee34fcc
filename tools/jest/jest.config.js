// One jest run for the workspace, in two projects:
//  - unit:        pure logic next to the code (src/**/*.spec.ts), no I/O, run in parallel.
//  - integration: tests/**/*.int-spec.ts against the real PostgreSQL, Kafka and Keycloak, run one file at a time
//                 (they share one broker and one identity provider on a 2-core machine).
//  - e2e:         apps/platform-e2e/test/**/*.e2e-spec.ts: the scenarios and the fault tests across every service,
//                 each service its own process (libs/testing startServiceProcess), one file at a time.
// NestJS 12 ships ES modules only; jest loads CommonJS, so @swc/jest also transforms those packages.
const path = require('node:path');

const rootDir = path.join(__dirname, '../..');
const swc = ['@swc/jest', { swcrc: false, ...require('./swc-options.json') }];
const esmPackages = [
  '@nestjs',
  'jose',
  'uid',
  'load-esm',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
];
const shared = {
  rootDir,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};
module.exports = {
  // Per-project testTimeout is ignored by jest; integration hooks boot a service and need more than 5 s.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/integration-setup.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/apps/platform-e2e/test/**/*.e2e-spec.ts',
        '<rootDir>/apps/console/test/**/*.e2e-spec.ts',
      ],
      globalSetup: '<rootDir>/tools/jest/integration-setup.ts',
    },
  ],
};
