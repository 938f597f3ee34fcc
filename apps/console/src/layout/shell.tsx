import {
  AppShell,
  Badge,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useApp } from '../app-context';
import { LANGUAGES, type Language } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { viewsFor } from '../views/registry';

/** The organisation and role, always in the header: everyone sees whose data they act on. */
function Identity() {
  const { session } = useApp();
  const { t } = useI18n();
  const org =
    session.orgType === 'state' ? t('org.state') : `${t(`org.${session.orgType}`)} ${session.orgCode}`;
  return (
    <Group gap="xs" data-testid="identity">
      <Text size="sm" fw={600}>
        {session.name}
      </Text>
      <Badge variant="filled" color="dark">
        <VisuallyHidden>{t('organisation')}: </VisuallyHidden>
        {org}
      </Badge>
      {session.roles.map((r) => (
        <Badge key={r} variant="outline" color="dark">
          <VisuallyHidden>{t('role')}: </VisuallyHidden>
          {t(`role.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { session, signOut } = useApp();
  const { path, navigate } = useRouter();
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm' }} padding="md">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {t('appTitle')}
          </Title>
          <Group gap="md" wrap="nowrap">
            <Identity />
            <NativeSelect
              size="xs"
              aria-label={t('language')}
              value={language}
              data={LANGUAGES.map((l) => ({ value: l, label: l === 'da' ? 'Dansk' : 'English' }))}
              onChange={(e) => setLanguage(e.currentTarget.value as Language)}
            />
            <Button size="xs" variant="outline" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('navigation')}>
        {viewsFor(session).map((v) => (
          <NavLink
            key={v.path}
            href={v.path}
            label={t(v.label)}
            active={path === v.path}
            aria-current={path === v.path ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(v.path);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
