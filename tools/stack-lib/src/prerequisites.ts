/**
 * What tools/stack needs from the machine besides Node (which the project brings): a JDK 17+ for Kafka and
 * Keycloak, Maven to fetch them from Maven Central, unzip to unpack Keycloak. Checked before anything is
 * spawned, so a fresh machine gets "install these" instead of `spawn mvn ENOENT`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type Tool = 'java' | 'mvn' | 'unzip';

export const MINIMUM_JAVA = 17;

/** The Debian/Ubuntu packages that provide every tool (README: "What a fresh machine needs"). */
export const INSTALL_COMMAND = 'apt-get install openjdk-17-jdk-headless maven unzip';

const WHAT: Record<Tool, string> = {
  java: `a Java runtime ${MINIMUM_JAVA}+ (JDK; Debian: openjdk-17-jdk-headless)`,
  mvn: 'Apache Maven (Debian: maven)',
  unzip: 'unzip (Debian: unzip)',
};

export interface Requirement {
  tool: Tool;
  /** What the server needs it for, e.g. "fetches the broker's jars". */
  why: string;
  /** For java: this JAVA_HOME's bin/java instead of the one on PATH. */
  javaHome?: string;
}

/** How the checks see the machine (the real one by default; tests pass their own). */
export interface Probe {
  /** Absolute path of an executable, or undefined when there is none. */
  find(command: string, javaHome?: string): string | undefined;
  /** What `java -version` prints (it prints to stderr). */
  javaVersionOutput(javaPath: string): string;
}

/** The first executable `command` on PATH. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const systemProbe: Probe = {
  find(command, javaHome) {
    if (command === 'java' && javaHome) {
      const java = join(javaHome, 'bin', 'java');
      try {
        accessSync(java, constants.X_OK);
        return java;
      } catch {
        return undefined;
      }
    }
    return findOnPath(command);
  },
  javaVersionOutput(javaPath) {
    const result = spawnSync(javaPath, ['-version'], { encoding: 'utf8', timeout: 15_000 });
    return `${result.stderr ?? ''}${result.stdout ?? ''}`;
  },
};

/**
 * The major version in `java -version` output: `openjdk version "17.0.12"` → 17, `"21" 2023-09-19` → 21,
 * `"1.8.0_402"` → 8, `"25-ea"` → 25. Undefined when there is no version line.
 */
export function javaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** One line per requirement the machine does not meet; empty when all are met. */
export function unmetRequirements(requirements: Requirement[], probe: Probe = systemProbe): string[] {
  const problems: string[] = [];
  for (const { tool, why, javaHome } of requirements) {
    const where =
      tool === 'java' && javaHome ? `${join(javaHome, 'bin', 'java')} (JAVA_HOME)` : `${tool} on PATH`;
    const path = probe.find(tool, javaHome);
    if (!path) {
      problems.push(`${tool}: not found (looked for ${where}); needs ${WHAT[tool]}, ${why}`);
      continue;
    }
    if (tool === 'java') {
      const output = probe.javaVersionOutput(path);
      const major = javaMajor(output);
      if (major === undefined) {
        problems.push(
          `java: ${path} did not report a version (${output.trim().split('\n')[0] || 'no output'}); needs ${WHAT.java}, ${why}`,
        );
      } else if (major < MINIMUM_JAVA) {
        problems.push(`java: ${path} is Java ${major}; needs ${WHAT.java}, ${why}`);
      }
    }
  }
  return problems;
}

/** The message naming every unmet requirement and how to install it; undefined when all are met. */
export function missingToolsMessage(
  server: string,
  requirements: Requirement[],
  probe: Probe = systemProbe,
): string | undefined {
  const problems = unmetRequirements(requirements, probe);
  if (problems.length === 0) return undefined;
  return [
    `${server}: cannot start, this machine lacks what it needs:`,
    ...problems.map((p) => `    - ${p}`),
    `  install (Debian/Ubuntu): sudo ${INSTALL_COMMAND}`,
    `  (or run ${server} elsewhere: tools/stack uses a server that already answers on its port; docs/stack.md)`,
  ].join('\n');
}

/** The hint for a command that could not be spawned (ENOENT), should one slip past the checks. */
export function notInstalledHint(command: string): string {
  const tool = (['java', 'mvn', 'unzip'] as const).find((t) => command === t || command.endsWith(`/${t}`));
  return tool
    ? `${command} is not installed; needs ${WHAT[tool]}. Install (Debian/Ubuntu): sudo ${INSTALL_COMMAND}`
    : `${command} is not installed (not found on PATH)`;
}
