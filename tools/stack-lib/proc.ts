import { spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { missingToolsMessage, notInstalledHint, type Requirement } from './src/prerequisites';

/** Repository root (tools/stack-lib/..). */
export const ROOT = resolve(__dirname, '..', '..');
/** Everything the stack writes lives here (git-ignored). */
export const STACK_DIR = join(ROOT, '.stack');
export const logFile = (name: string) => join(STACK_DIR, 'logs', `${name}.log`);
export const pidFile = (name: string) => join(STACK_DIR, 'pids', `${name}.pid`);
/** A path as printed to people: relative to the repository root. */
export const shown = (path: string) => relative(ROOT, path) || '.';

/** A progress line: `[stack] kafka: ready in 7.9 s` (server '' for the stack as a whole). */
export function say(server: string, message: string): void {
  process.stdout.write(`[stack] ${server ? `${server}: ` : ''}${message}\n`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export class StackError extends Error {}

/** Fails before anything is spawned when java (17+), mvn or unzip is missing, naming how to install it. */
export function requireTools(server: string, requirements: Requirement[]): void {
  const message = missingToolsMessage(server, requirements);
  if (message) throw new StackError(message);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid `up` recorded for a server, when that process still runs and still is what we started. */
export function runningPid(name: string, commandMarker: string): number | undefined {
  const file = pidFile(name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // gone
  }
  if (pid > 0 && isAlive(pid) && cmdline.includes(commandMarker)) return pid;
  rmSync(file, { force: true }); // stale: the process ended (or the pid was reused by something else)
  return undefined;
}

/** Starts a server in its own process group, detached from us, output appended to its log. */
export function startDetached(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): number {
  const log = logFile(name);
  mkdirSync(dirname(log), { recursive: true });
  mkdirSync(dirname(pidFile(name)), { recursive: true });
  const out = openSync(log, 'a');
  writeFileSync(
    out,
    `\n===== ${new Date().toISOString()} tools/stack starts ${name}: ${command} ${args.join(' ')}\n`,
  );
  const child = spawn(command, args, { cwd: ROOT, ...options, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.on('error', () => undefined); // ENOENT and the like: reported below (no pid)
  if (!child.pid) {
    // a bare name was looked up on PATH: say how to install it
    const hint = command.includes('/') ? '' : `: ${notInstalledHint(command)}`;
    throw new StackError(`${name}: could not start ${command}${hint}`);
  }
  child.unref();
  writeFileSync(pidFile(name), `${child.pid}\n`);
  return child.pid;
}

/**
 * Stops a server we started: `signal` (SIGTERM by default) to its whole process group, or to the leader only
 * with `wholeGroup: false`; SIGKILL to the group after `graceMs`. Resolves when the group is gone and its
 * pid file removed.
 */
export async function stopServer(
  name: string,
  pid: number,
  {
    graceMs,
    signal = 'SIGTERM',
    wholeGroup = true,
  }: { graceMs: number; signal?: NodeJS.Signals; wholeGroup?: boolean },
): Promise<'stopped' | 'killed'> {
  const send = (target: number, sig: NodeJS.Signals) => {
    try {
      process.kill(target, sig);
    } catch {
      // already gone
    }
  };
  send(wholeGroup ? -pid : pid, signal);
  const deadline = Date.now() + graceMs;
  let how: 'stopped' | 'killed' = 'stopped';
  while (groupAlive(pid)) {
    if (Date.now() > deadline && how === 'stopped') {
      how = 'killed';
      send(-pid, 'SIGKILL');
      send(pid, 'SIGKILL');
    }
    await sleep(how === 'stopped' ? 200 : 100);
  }
  rmSync(pidFile(name), { force: true });
  return how;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' || isAlive(pgid);
  }
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls `check` until it returns true. Fails early when `pid` (the server we started) exits, and after
 * `timeoutMs`; the error names the server and its log.
 */
export async function waitUntil(
  name: string,
  check: () => Promise<boolean>,
  { timeoutMs, pid, intervalMs = 500 }: { timeoutMs: number; pid?: number; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (pid !== undefined && !isAlive(pid)) {
      throw new StackError(
        `${name} exited while starting; see ${shown(logFile(name))}\n${tail(logFile(name), 15)}`,
      );
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `${name} was not ready after ${timeoutMs / 1000} s; see ${shown(logFile(name))}\n${tail(logFile(name), 15)}`,
      );
    }
    await sleep(intervalMs);
  }
}

/** The last lines of a file, indented, for error messages. */
export function tail(path: string, lines: number): string {
  if (!existsSync(path)) return '';
  const all = readFileSync(path, 'utf8').trimEnd().split('\n');
  return all
    .slice(-lines)
    .map((l) => `    | ${l}`)
    .join('\n');
}

/** Runs a command to completion; output goes to the server's log. Rejects on a non-zero exit. */
export function run(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    mkdirSync(dirname(logFile(name)), { recursive: true });
    const out = openSync(logFile(name), 'a');
    writeFileSync(
      out,
      `\n===== ${new Date().toISOString()} tools/stack runs: ${command} ${args.join(' ')}\n`,
    );
    const child = spawn(command, args, { cwd: ROOT, ...options, stdio: ['ignore', 'pipe', out] });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      writeFileSync(out, chunk);
    });
    // A command that cannot be spawned emits 'error' and then 'close': close the log once, report the first.
    let failed = false;
    child.on('error', (error: NodeJS.ErrnoException) => {
      failed = true;
      const hint = error.code === 'ENOENT' ? notInstalledHint(command) : error.message;
      reject(new StackError(`${name}: cannot run ${command}: ${hint}`));
    });
    child.on('close', (code) => {
      closeSync(out);
      if (failed) return;
      if (code === 0) resolvePromise(stdout);
      else
        reject(
          new StackError(
            `${name}: '${command} ${args.join(' ')}' failed (exit ${code}); see ${shown(logFile(name))}\n${tail(logFile(name), 15)}`,
          ),
        );
    });
  });
}
