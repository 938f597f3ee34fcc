import { Alert, Button, Loader, Stack, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { ApiProblem, SessionExpired } from '../api/client';
import type { Loaded } from '../api/use-load';
import { useI18n } from '../i18n/i18n';

/** A view: its heading (the page's h1, also the document title) and its content. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('appTitle')}`;
  }, [title, t]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  const { t } = useI18n();
  if (error instanceof SessionExpired) return null;
  const fields = error instanceof ApiProblem ? (error.problem.errors ?? []) : [];
  return (
    <Alert variant="filled" color="red.9" title={t('error')} role="alert">
      {error.message}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.pointer}${f.detail}`}>
              {f.pointer}: {f.detail}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Loading, error or the content, for one loaded resource. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorNote error={loaded.error} />
        <Button variant="outline" onClick={loaded.reload}>
          {t('retry')}
        </Button>
      </Stack>
    );
  }
  if (loaded.data === undefined) return <Loader role="status" aria-label={t('loading')} />;
  return <>{children(loaded.data)}</>;
}
