/**
 * tools/stack: the local PostgreSQL, Kafka and Keycloak without Docker (docs/stack.md).
 *   up [server…]      start what is not running, wait until ready
 *   down [server…]    stop what `up` started
 *   status            each server: up/down, address, started by us or not
 *   logs <server> [-f] the server's log (last 100 lines; -f follows)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { StackError, logFile, shown } from './proc';
import type { ServerName } from './server';
import { SERVER_NAMES, isServerName, stackDown, stackStatus, stackUp } from './stack';

const USAGE = `usage: tools/stack up [${SERVER_NAMES.join('|')}…] | down [server…] | status | logs <server> [-f]`;

function serverNames(args: string[]): ServerName[] {
  const unknown = args.filter((a) => !isServerName(a));
  if (unknown.length > 0) throw new StackError(`unknown server ${unknown.join(', ')}\n${USAGE}`);
  return args.length > 0 ? (args as ServerName[]) : SERVER_NAMES;
}

async function printStatus(): Promise<number> {
  const states = await stackStatus();
  for (const s of states) {
    const owner = s.pid
      ? `started by tools/stack (pid ${s.pid}), ${s.detail}`
      : s.up
        ? `not started by tools/stack (${s.detail})`
        : '';
    console.log(
      `${s.name.padEnd(9)} ${(s.up ? 'up' : 'down').padEnd(5)} ${s.address.padEnd(22)} ${owner}`.trimEnd(),
    );
  }
  return states.every((s) => s.up) ? 0 : 1;
}

function showLog(args: string[]): Promise<number> {
  const [name, flag] = args;
  if (!name || !isServerName(name)) throw new StackError(USAGE);
  const file = logFile(name);
  if (!existsSync(file)) throw new StackError(`${name}: no log yet (${shown(file)})`);
  const child = spawn('tail', ['-n', '100', ...(flag === '-f' ? ['-F'] : []), file], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'up':
      await stackUp(serverNames(args));
      return 0;
    case 'down':
      await stackDown(serverNames(args));
      return 0;
    case 'status':
      return printStatus();
    case 'logs':
      return showLog(args);
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof StackError ? `[stack] error: ${error.message}` : error);
    process.exit(1);
  },
);
