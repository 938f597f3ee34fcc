import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './page';
import type { More } from './paging';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * "Vis flere" under a list the API pages: reads the next page and says how many rows are shown (politely, to a
 * screen reader too). After the last page the button goes; if it had the focus, the note takes it, so the
 * keyboard stays where it was.
 */
function Pager({ more, shown, caption }: { more: More; shown: number; caption: string }) {
  const { t, f } = useI18n();
  const note = useRef<HTMLParagraphElement>(null);
  const clicked = useRef(false);
  useEffect(() => {
    // The button was used and is gone: its focus went nowhere (the body), so the note takes it.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!more.next && clicked.current && lost) note.current?.focus();
  }, [more.next]);
  if (!more.next && more.pages === 1) return null;
  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        {more.next && (
          <Button
            variant="default"
            loading={more.loading}
            onClick={() => {
              clicked.current = true;
              more.load();
            }}
            aria-label={`${t('more')}: ${caption}`}
          >
            {t('more')}
          </Button>
        )}
        <Text ref={note} size="sm" aria-live="polite" tabIndex={-1}>
          {more.next ? t('rowsShown') : t('allRowsShown')}: {f.number(shown)}
        </Text>
      </Group>
      {more.error && <ErrorNote error={more.error} />}
    </Stack>
  );
}

/**
 * A plain data table with a caption (screen readers announce it) and an empty state; with `more` (a list read
 * with `usePages`), a "Vis flere" control under it that reads the next page from the API.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  more,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  more?: More;
}) {
  const table = <Rows caption={caption} columns={columns} rows={rows} rowKey={rowKey} />;
  if (!more) return table;
  return (
    <Stack gap="xs">
      {table}
      <Pager more={more} shown={rows.length} caption={caption} />
    </Stack>
  );
}

function Rows<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
}) {
  const { t } = useI18n();
  if (rows.length === 0) return <Text>{t('noRows')}</Text>;
  return (
    // The viewport scrolls sideways on narrow screens: focusable and named, so a keyboard can scroll it (WCAG
    // 2.1.1; axe scrollable-region-focusable).
    <Table.ScrollContainer
      minWidth={600}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}
    >
      <Table striped highlightOnHover withTableBorder captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
