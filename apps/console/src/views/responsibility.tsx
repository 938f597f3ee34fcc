import { Badge, Group, Text } from '@mantine/core';
import type { TargetGroupList } from '../api/types';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

/** Each target group's responsibility today and its changes over time (the rollout to the regions). */
export function ResponsibilityView() {
  const { t, f, language } = useI18n();
  const loaded = useLoad(
    (api) => api.get<TargetGroupList>('specialty-planning', '/target-groups'),
    'target-groups',
  );
  return (
    <Page title={t('view.responsibility')}>
      <Load loaded={loaded}>
        {(list) => (
          <DataTable
            caption={t('view.responsibility')}
            rows={list.items}
            rowKey={(g) => g.code}
            columns={[
              { header: t('targetGroup'), cell: (g) => (language === 'da' ? g.nameDa : g.nameEn) },
              { header: t('responsibility'), cell: (g) => g.responsibility },
              {
                header: t('timeline'),
                cell: (g) => (
                  <Group gap="xs">
                    {g.timeline.length === 0 && <Text size="sm">–</Text>}
                    {g.timeline.map((c) => (
                      <Badge key={`${c.effectiveFrom}${c.recordedAt}`} variant="outline" color="dark">
                        {f.date(c.effectiveFrom)}: {c.responsibility}
                      </Badge>
                    ))}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
