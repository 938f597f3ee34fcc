import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The names one service name is written as in the template. */
export interface ServiceNames {
  /** `specialty-planning`: folder, project, CloudEvents source, URL segment. */
  name: string;
  /** `specialtyPlanning`: the definition's variable (`specialtyPlanningService`). */
  camel: string;
  /** `Specialty planning`: titles. */
  title: string;
  port: number;
  /** `20261126120000`: the first migration's timestamp. */
  timestamp: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function serviceNames(name: string, port: number, now = new Date()): ServiceNames {
  if (!NAME.test(name)) {
    throw new Error(
      `service name "${name}" must be lower-case words joined by hyphens, e.g. specialty-planning`,
    );
  }
  const words = name.split('-');
  return {
    name,
    camel: words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join(''),
    title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
    port,
    timestamp: now.toISOString().replace(/\D/g, '').slice(0, 14),
  };
}

/** Replaces the template's placeholders in a path or a file's text. */
export function fill(text: string, names: ServiceNames): string {
  return text
    .replaceAll('__name__', names.name)
    .replaceAll('__camel__', names.camel)
    .replaceAll('__Title__', names.title)
    .replaceAll('__port__', String(names.port))
    .replaceAll('00000000000000', names.timestamp);
}

/** Every template file as (path inside the new service, text), placeholders filled, `.tmpl` dropped. */
export function renderTemplate(templateDir: string, names: ServiceNames): { path: string; text: string }[] {
  return walk(templateDir).map((file) => ({
    path: fill(relative(templateDir, file), names).replace(/\.tmpl$/, ''),
    text: fill(readFileSync(file, 'utf8'), names),
  }));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** The next free port after the services that exist. */
export function nextPort(ports: number[]): number {
  return Math.max(3000, ...ports) + 1;
}
