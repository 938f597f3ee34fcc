import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  INSTALL_COMMAND,
  findOnPath,
  javaMajor,
  missingToolsMessage,
  notInstalledHint,
  systemProbe,
  type Probe,
} from './prerequisites';

/** A machine with the given tools on PATH; java prints `java -version` output of the given version. */
function machine(tools: Record<string, string>, javaVersion = '17.0.12'): Probe {
  return {
    find: (command, javaHome) =>
      command === 'java' && javaHome ? tools[`${javaHome}/bin/java`] : tools[command],
    javaVersionOutput: () => `openjdk version "${javaVersion}" 2024-07-16\nOpenJDK Runtime Environment`,
  };
}

describe('javaMajor', () => {
  it.each([
    ['openjdk version "17.0.12" 2024-07-16', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "25-ea" 2025-09-16', 25],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
  ])('%s → %d', (output, major) => expect(javaMajor(output)).toBe(major));

  it('is undefined without a version line', () => expect(javaMajor('command not found')).toBeUndefined());
});

describe('missingToolsMessage', () => {
  const kafka = [
    { tool: 'java' as const, why: 'runs the broker' },
    { tool: 'mvn' as const, why: "fetches the broker's jars" },
  ];

  it('says nothing when every tool is there', () => {
    expect(missingToolsMessage('kafka', kafka, machine({ java: '/usr/bin/java', mvn: '/usr/bin/mvn' }))).toBe(
      undefined,
    );
  });

  it('names each missing tool, what it is for, and the install command', () => {
    const message = missingToolsMessage(
      'keycloak',
      [...kafka, { tool: 'unzip', why: 'unpacks the distribution' }],
      machine({ java: '/usr/bin/java' }),
    )!;
    expect(message).toContain('keycloak: cannot start');
    expect(message).toMatch(
      /- mvn: not found \(looked for mvn on PATH\); needs Apache Maven.*fetches the broker's jars/,
    );
    expect(message).toMatch(/- unzip: not found.*unpacks the distribution/);
    expect(message).not.toMatch(/- java/);
    expect(message).toContain(`sudo ${INSTALL_COMMAND}`);
    expect(INSTALL_COMMAND).toBe('apt-get install openjdk-17-jdk-headless maven unzip');
  });

  it('refuses a Java older than 17 and names the one it found', () => {
    const message = missingToolsMessage(
      'kafka',
      kafka.slice(0, 1),
      machine({ java: '/usr/bin/java' }, '11.0.22'),
    );
    expect(message).toMatch(/- java: \/usr\/bin\/java is Java 11; needs a Java runtime 17\+/);
  });

  it('looks for java in JAVA_HOME when one is given', () => {
    const requirement = [{ tool: 'java' as const, why: 'runs Keycloak', javaHome: '/opt/jdk' }];
    expect(missingToolsMessage('keycloak', requirement, machine({ java: '/usr/bin/java' }))).toMatch(
      /java: not found \(looked for \/opt\/jdk\/bin\/java \(JAVA_HOME\)\)/,
    );
    expect(
      missingToolsMessage('keycloak', requirement, machine({ '/opt/jdk/bin/java': '/opt/jdk/bin/java' })),
    ).toBe(undefined);
  });
});

describe('on the real machine (systemProbe)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stack-prereq-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds executables on PATH only', () => {
    writeFileSync(join(dir, 'unzip'), '#!/bin/sh\n');
    chmodSync(join(dir, 'unzip'), 0o755);
    writeFileSync(join(dir, 'mvn'), 'not executable');
    expect(findOnPath('unzip', `/nonexistent:${dir}`)).toBe(join(dir, 'unzip'));
    expect(findOnPath('mvn', dir)).toBeUndefined();
  });

  it('reads the version a java prints to stderr', () => {
    const java = join(dir, 'java');
    writeFileSync(java, '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n');
    chmodSync(java, 0o755);
    expect(javaMajor(systemProbe.javaVersionOutput(java))).toBe(11);
  });
});

describe('notInstalledHint', () => {
  it('names the package for a tool we know', () => {
    expect(notInstalledHint('mvn')).toBe(
      `mvn is not installed; needs Apache Maven (Debian: maven). Install (Debian/Ubuntu): sudo ${INSTALL_COMMAND}`,
    );
    expect(notInstalledHint('tail')).toBe('tail is not installed (not found on PATH)');
  });
});
