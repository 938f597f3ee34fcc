import type { NextFunction, Request, Response } from 'express';

/**
 * Headers every answer carries: the API answers JSON only, so a browser may not sniff it into something else,
 * frame it, send a referrer or let another origin read it. The OpenAPI page (/docs) runs Swagger UI from this
 * origin (and the inline script of its OAuth2 redirect page, and calls Keycloak), so its policy allows that; the
 * API allows nothing.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader(
    'Content-Security-Policy',
    req.path.startsWith('/docs')
      ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src *; frame-ancestors 'none'"
      : "default-src 'none'; frame-ancestors 'none'",
  );
  next();
}

/**
 * CORS closed: no answer names another origin as allowed (nothing here sets Access-Control-Allow-*), so a page
 * of another origin cannot read any API answer with the user's token. A preflight is answered 204 without
 * allow headers, so the browser stops there, and the request never reaches a handler.
 */
export function corsClosed(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'OPTIONS' && req.header('origin') && req.header('access-control-request-method')) {
    res.status(204).end();
    return;
  }
  next();
}
