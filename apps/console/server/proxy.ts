import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { UPSTREAMS, type UpstreamName } from './config';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's, not the message's: never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardable(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

/** `/api/referrals/v1/referrals?x` → service `referrals`, upstream path `/api/v1/referrals?x`. */
export function route(url: string): { service: UpstreamName; path: string } | undefined {
  const match = /^\/api\/([a-z-]+)(\/.*)?$/.exec(url);
  if (!match || !(match[1] in UPSTREAMS)) return undefined;
  return { service: match[1] as UpstreamName, path: `/api${match[2] ?? '/'}` };
}

function badGateway(res: ServerResponse, service: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({
      type: 'urn:dk:social:problem:upstream-unavailable',
      title: 'Service unavailable',
      status: 502,
      detail: `The ${service} service did not answer`,
    }),
  );
}

/**
 * Streams the request to the service and its answer back, unchanged (status, problem+json, ETag, Location): the
 * browser talks to one origin, so the services' CORS stays closed. The bearer token passes through; the
 * services verify it themselves.
 */
export function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: { service: UpstreamName; path: string; base: string },
): void {
  const upstream = new URL(target.path, target.base);
  const outgoing = request(
    upstream,
    {
      method: req.method,
      headers: { ...forwardable(req.headers), 'x-forwarded-for': req.socket.remoteAddress ?? '' },
    },
    (answer) => {
      const headers = forwardable(answer.headers);
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  outgoing.on('error', () => badGateway(res, target.service));
  req.pipe(outgoing);
}
