/**
 * Calls to the services through the console's own origin (`/api/<service>/…`, reverse-proxied by
 * apps/console/server), with the signed-in person's bearer token. Types come from the committed OpenAPI
 * documents (api/generated, openapi-typescript).
 */
export type ServiceName = 'referrals' | 'specialty-planning' | 'knowledge' | 'financing' | 'audit';

/** An RFC 9457 problem answered by a service. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      type?: string;
      title?: string;
      detail?: string;
      errors?: { pointer?: string; detail?: string }[];
    },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** The token was refused (expired or revoked): the person must sign in again. */
export class SessionExpired extends Error {}

export interface ApiClient {
  get<T>(service: ServiceName, path: string): Promise<Answer<T>>;
  send<T>(
    service: ServiceName,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    etag?: string,
  ): Promise<Answer<T>>;
}

export interface Answer<T> {
  body: T;
  etag: string | undefined;
}

export interface ClientOptions {
  token: () => Promise<string | undefined>;
  onExpired: () => void;
  fetch?: typeof fetch;
}

export function apiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  async function call<T>(service: ServiceName, path: string, init: RequestInit): Promise<Answer<T>> {
    const token = await options.token();
    if (!token) {
      options.onExpired();
      throw new SessionExpired('no valid token');
    }
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('accept', 'application/json');
    const res = await doFetch(`/api/${service}/v1${path}`, { ...init, headers });
    if (res.status === 401) {
      options.onExpired();
      throw new SessionExpired('the service refused the token');
    }
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ApiProblem(res.status, (body ?? {}) as ApiProblem['problem']);
    return { body: body as T, etag: res.headers.get('etag') ?? undefined };
  }
  return {
    get: (service, path) => call(service, path, { method: 'GET' }),
    send: (service, method, path, body, etag) =>
      call(service, path, {
        method,
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(etag ? { 'if-match': etag } : {}),
          // Every change is idempotent on retry (a double click, a replayed request).
          'idempotency-key': crypto.randomUUID(),
        },
      }),
  };
}
