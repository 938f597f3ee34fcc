import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * This process's established TCP connections to a port (Linux: /proc), e.g. 9092 for Kafka: how a test proves
 * that a closed service left no socket behind, without trusting the client library's own bookkeeping.
 */
export function openConnectionsTo(port: number): number {
  const ours = ownSocketInodes();
  let count = 0;
  for (const table of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    for (const line of readLines(table)) {
      const [, , remote, state, , , , , , inode] = line.trim().split(/\s+/);
      const remotePort = parseInt(remote?.split(':')[1] ?? '', 16);
      if (state === ESTABLISHED && remotePort === port && ours.has(inode)) count += 1;
    }
  }
  return count;
}

const ESTABLISHED = '01';

function ownSocketInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed between listing and reading
    }
  }
  return inodes;
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(1).filter(Boolean);
  } catch {
    return [];
  }
}
