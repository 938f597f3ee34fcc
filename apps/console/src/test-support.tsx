import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { App } from './app';
import type { Session } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import { RouterProvider } from './router';

export const CASEWORKER_101: Session = {
  name: 'Karen',
  orgType: 'municipality',
  orgCode: '101',
  roles: ['caseworker'],
};

/** A fetch that answers from a table of `METHOD path` → JSON body, and records what it was asked. */
export function fakeFetch(routes: Record<string, unknown>) {
  const calls: { method: string; url: string; body?: string; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body as string | undefined, headers: new Headers(init?.headers) });
    const key = `${method} ${url}`;
    if (!(key in routes))
      return new Response(JSON.stringify({ title: 'not found', status: 404 }), { status: 404 });
    const value = routes[key];
    if (value instanceof Response) return value;
    return new Response(JSON.stringify(value), { status: 200, headers: { etag: 'W/"1"' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** The signed-in app at a path, with a fake fetch in place of the services. */
export function renderApp(
  path: string,
  options: {
    session?: Session;
    fetch?: typeof fetch;
    expired?: boolean;
    onExpired?: () => void;
    signIn?: () => void;
  } = {},
) {
  window.history.replaceState(null, '', path);
  return render(
    <MantineProvider>
      <I18nProvider language="da">
        <RouterProvider>
          <App
            session={options.session ?? CASEWORKER_101}
            token={async () => 'token'}
            expired={options.expired ?? false}
            onExpired={options.onExpired ?? (() => undefined)}
            signIn={options.signIn ?? (() => undefined)}
            signOut={() => undefined}
            fetch={options.fetch ?? fakeFetch({}).fetch}
          />
        </RouterProvider>
      </I18nProvider>
    </MantineProvider>,
  );
}

export function withProviders(children: ReactNode) {
  return (
    <MantineProvider>
      <I18nProvider language="da">{children}</I18nProvider>
    </MantineProvider>
  );
}
