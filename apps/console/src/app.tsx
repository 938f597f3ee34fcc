import { Alert, Button, Container, Modal, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { apiClient } from './api/client';
import { AppContext, useApp } from './app-context';
import type { Session } from './auth/session';
import { useI18n } from './i18n/i18n';
import { Shell } from './layout/shell';
import { useRouter } from './router';
import { ErrorBoundary } from './ui/error-boundary';
import { Page } from './ui/page';
import { matchView, viewsFor } from './views/registry';

export interface AppProps {
  session: Session;
  token(): Promise<string | undefined>;
  expired: boolean;
  onExpired(): void;
  signIn(): void;
  signOut(): void;
  fetch?: typeof fetch;
}

function NotAllowed() {
  const { t } = useI18n();
  return (
    <Page title={t('notAllowed')}>
      <Alert variant="filled" color="red.9" title={t('notAllowed')} role="alert">
        {t('notAllowedText')}
      </Alert>
    </Page>
  );
}

function Routes() {
  const { t } = useI18n();
  const { path } = useRouter();
  const app = useApp().session;
  if (path === '/' || path === '/signed-in') {
    const first = viewsFor(app)[0];
    return first ? first.render([]) : <NotAllowed />;
  }
  const match = matchView(path);
  if (!match) return <Page title={t('notFound')}>{null}</Page>;
  if (!match.view.allowed(app)) return <NotAllowed />;
  return <>{match.view.render(match.params)}</>;
}

/** Signed in: the shell, the view of the path, and the sign-in-again dialog when the session ends. */
export function App(props: AppProps) {
  const { t } = useI18n();
  const { path } = useRouter();
  const { token, onExpired, fetch: doFetch } = props;
  const api = useMemo(() => apiClient({ token, onExpired, fetch: doFetch }), [token, onExpired, doFetch]);
  const value = useMemo(
    () => ({ session: props.session, api, signOut: props.signOut }),
    [props.session, api, props.signOut],
  );
  return (
    <AppContext.Provider value={value}>
      <Shell>
        <ErrorBoundary title={t('error')} resetKey={path}>
          <Routes />
        </ErrorBoundary>
      </Shell>
      <Modal
        opened={props.expired}
        onClose={() => undefined}
        withCloseButton={false}
        title={t('sessionExpired')}
        centered
      >
        <Stack>
          <Text>{t('sessionExpiredText')}</Text>
          <Button onClick={props.signIn}>{t('signInAgain')}</Button>
        </Stack>
      </Modal>
    </AppContext.Provider>
  );
}

/** Not signed in yet. */
export function SignIn({ onSignIn }: { onSignIn(): void }) {
  const { t } = useI18n();
  return (
    <Container size="xs" py="xl">
      <main>
        <Stack>
          <h1>{t('appTitle')}</h1>
          <Text>{t('signInIntro')}</Text>
          <Button onClick={onSignIn}>{t('signIn')}</Button>
        </Stack>
      </main>
    </Container>
  );
}
