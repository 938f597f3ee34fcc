/**
 * The web console's server: the built single-page app, /config.json for its sign-in, and `/api/<service>/…`
 * reverse-proxied to the services. Plain node:http: it does nothing else.
 *   PORT=3000 node dist/apps/console/server/main.js
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { browserConfig, consoleConfig, type ConsoleConfig } from './config';
import { proxy, route } from './proxy';
import { serveStatic } from './static-files';

function securityHeaders(config: ConsoleConfig): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `connect-src 'self' ${config.keycloakUrl}`,
    // Mantine writes its CSS variables into a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export function handler(config: ConsoleConfig) {
  const headers = securityHeaders(config);
  const configJson = JSON.stringify(browserConfig(config));
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const target = route(url);
    if (target) return proxy(req, res, { ...target, base: config.upstreams[target.service] });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = url.split('?')[0] ?? '/';
    if (path === '/health/live' || path === '/health/ready') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"status":"ok"}');
    }
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      return void res.end(configJson);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return void res.end();
    }
    serveStatic(config.publicDir, path, res);
  };
}

export function startConsole(config: ConsoleConfig = consoleConfig()) {
  const server = createServer(handler(config));
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(config.port, config.host, () => {
      resolve({
        url: `http://${config.host}:${config.port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (require.main === module) {
  void startConsole().then(({ url }) => console.log(`[console] serving on ${url}`));
  process.on('SIGTERM', () => process.exit(0));
}
