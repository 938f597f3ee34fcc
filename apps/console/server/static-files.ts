import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function fileIn(dir: string, urlPath: string): string | undefined {
  const path = normalize(join(dir, decodeURIComponent(urlPath)));
  if (path !== dir && !path.startsWith(dir + sep)) return undefined;
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A built file, or index.html for any other path (the app routes in the browser). Hashed assets are cached for a
 * year; index.html never, so a new build is picked up at the next load.
 */
export function serveStatic(dir: string, urlPath: string, res: ServerResponse): void {
  const file = fileIn(dir, urlPath) ?? fileIn(dir, '/index.html');
  if (!file) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The console is not built: npx tsx tools/build.ts apps/console');
    return;
  }
  const immutable = urlPath.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
