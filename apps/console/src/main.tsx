import '@mantine/core/styles.css';
import './console.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App, SignIn } from './app';
import { Auth, type ConsoleConfig } from './auth/auth';
import { sessionFromToken, type Session } from './auth/session';
import { clearDrafts } from './drafts';
import { I18nProvider } from './i18n/i18n';
import { RouterProvider } from './router';

// Shade 9 for filled colours (buttons, badges, alerts): white text on each meets WCAG AA contrast (4.5:1).
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 9 });
// Mantine's "dimmed" grey (table captions, descriptions) is 3.3:1 on white; gray.7 is 7:1.
const cssVariables = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#495057' }, dark: {} });

function Root({ auth }: { auth: Auth }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const loaded = (user: { access_token: string }) => {
      setSession(sessionFromToken(user.access_token));
      setExpired(false);
    };
    const ended = () => setExpired(true);
    auth.manager.events.addUserLoaded(loaded);
    auth.manager.events.addAccessTokenExpired(ended);
    const start = async () => {
      if (window.location.pathname === '/signed-in') {
        // A callback that cannot complete (a reload of /signed-in: its code is spent) still finds the person
        // signed in when an earlier one did.
        const returnTo = await auth.completeSignIn().catch(() => '/');
        window.history.replaceState(null, '', returnTo);
      }
      const user = await auth.current();
      setSession(user ? sessionFromToken(user.access_token) : null);
    };
    start().catch(() => setSession(null));
    return () => {
      auth.manager.events.removeUserLoaded(loaded);
      auth.manager.events.removeAccessTokenExpired(ended);
    };
  }, [auth]);

  const token = useCallback(async () => (await auth.current())?.access_token, [auth]);
  const onExpired = useCallback(() => setExpired(true), []);
  const signIn = useCallback(() => void auth.signIn(), [auth]);
  const signOut = useCallback(() => {
    // Drafts go with the person; the token stays until signoutRedirect has sent it as id_token_hint.
    clearDrafts();
    void auth.signOut();
  }, [auth]);

  if (session === undefined) return null;
  if (session === null) return <SignIn onSignIn={signIn} />;
  return (
    <RouterProvider>
      <App
        session={session}
        token={token}
        expired={expired}
        onExpired={onExpired}
        signIn={signIn}
        signOut={signOut}
      />
    </RouterProvider>
  );
}

async function boot() {
  const config = (await (await fetch('/config.json')).json()) as ConsoleConfig;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <I18nProvider>
          <Root auth={new Auth(config)} />
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void boot();
