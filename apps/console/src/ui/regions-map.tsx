import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { BORNHOLM_INSET, MAP_VIEW_BOX, REGION_SHAPES, type RegionShape } from './regions-map.data';
import './regions-map.css';

/** One region's value on the map: its gaps, or undefined when it has no analysis. */
export interface RegionGaps {
  gaps: number | undefined;
  /** The analysed period, for the text alternative. */
  period?: string;
}

/**
 * The classes of the map, light to dark (Mantine's palette). The colour only repeats the number written on each
 * region, so it never carries the meaning alone (WCAG 1.4.1).
 */
const CLASSES: { label: string; fill: string; holds(gaps: number): boolean }[] = [
  { label: '0', fill: '#d3f9d8', holds: (g) => g === 0 },
  { label: '1–2', fill: '#ffe066', holds: (g) => g >= 1 && g <= 2 },
  { label: '3–5', fill: '#ff922b', holds: (g) => g >= 3 && g <= 5 },
  { label: '6 +', fill: '#e03131', holds: (g) => g >= 6 },
];
const NO_ANALYSIS = '#e9ecef';

function fillOf(gaps: number | undefined): string {
  if (gaps === undefined) return NO_ANALYSIS;
  return CLASSES.find((c) => c.holds(gaps))?.fill ?? NO_ANALYSIS;
}

/** The regions that exist on a date (five until 2026-12-31, four from 2027-01-01: Østdanmark). */
export function regionsOn(date: string): RegionShape[] {
  return REGION_SHAPES.filter((r) => r.validFrom <= date && (!r.validTo || date < r.validTo));
}

/** A region's name and count in a white box: readable on every fill. */
function Label({ region, text }: { region: RegionShape; text: string }) {
  const [x, y] = region.label;
  const width = Math.max(region.name.length, text.length) * 17 + 24;
  return (
    <g aria-hidden="true" className="regions-map-label">
      <rect x={x - width / 2} y={y - 34} width={width} height={68} rx={8} />
      <text x={x} y={y - 6} textAnchor="middle" fontWeight={600}>
        {region.name}
      </text>
      <text x={x} y={y + 24} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/**
 * The needs-analysis gaps on a map of the regions (DAGI outlines, tools/console-map), for the regions that exist
 * on `on`. Each region is a toggle button (Tab, Enter or Space) that chooses it for the table beside the map;
 * a table under the map says the same in text.
 */
export function RegionsMap({
  on,
  values,
  selected,
  onSelect,
}: {
  on: string;
  values: Map<string, RegionGaps>;
  selected: string | undefined;
  onSelect(code: string | undefined): void;
}) {
  const { t, f } = useI18n();
  const titleId = useId();
  const [focused, setFocused] = useState<string>();
  const regions = regionsOn(on);
  const count = (code: string) => {
    const gaps = values.get(code)?.gaps;
    return gaps === undefined ? '–' : f.number(gaps);
  };
  const toggle = (code: string) => onSelect(selected === code ? undefined : code);
  const onKey = (code: string) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    toggle(code);
  };
  const highlighted = regions.filter((r) => r.code === focused || r.code === selected);
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="xs">
        {t('regionsMap')}
      </Title>
      <Text size="sm" mb="xs">
        {t('mapHint')}
      </Text>
      <Group align="flex-start" gap="lg">
        <svg
          className="regions-map"
          viewBox={MAP_VIEW_BOX}
          role="group"
          aria-labelledby={titleId}
          style={{ width: '100%', maxWidth: '30rem', height: 'auto' }}
        >
          <rect
            className="regions-map-inset"
            x={BORNHOLM_INSET.x}
            y={BORNHOLM_INSET.y}
            width={BORNHOLM_INSET.width}
            height={BORNHOLM_INSET.height}
          />
          {regions.map((r) => (
            <g
              key={r.code}
              role="button"
              tabIndex={0}
              aria-pressed={selected === r.code}
              aria-label={`${r.name}: ${t('gaps')} ${count(r.code)}`}
              data-region={r.code}
              onClick={() => toggle(r.code)}
              onKeyDown={onKey(r.code)}
              onFocus={() => setFocused(r.code)}
              onBlur={() => setFocused(undefined)}
            >
              <path d={r.d} fill={fillOf(values.get(r.code)?.gaps)} className="regions-map-region" />
            </g>
          ))}
          {highlighted.map((r) => (
            <path
              key={r.code}
              d={r.d}
              className={r.code === focused ? 'regions-map-focus' : 'regions-map-selected'}
            />
          ))}
          {regions.map((r) => (
            <Label key={r.code} region={r} text={`${t('gaps')}: ${count(r.code)}`} />
          ))}
        </svg>
        <Stack gap="xs">
          <Text fw={600} id={`${titleId}-legend`}>
            {t('mapLegend')}
          </Text>
          <ul className="regions-map-legend" aria-labelledby={`${titleId}-legend`}>
            {CLASSES.map((c) => (
              <li key={c.label}>
                <span className="regions-map-swatch" style={{ background: c.fill }} aria-hidden="true" />
                {c.label}
              </li>
            ))}
            <li>
              <span className="regions-map-swatch" style={{ background: NO_ANALYSIS }} aria-hidden="true" />
              {t('noAnalysis')} (–)
            </li>
          </ul>
        </Stack>
      </Group>
      <Table withTableBorder captionSide="top" maw="30rem" mt="sm">
        <Table.Caption>{t('gapsPerRegion')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('region')}</Table.Th>
            <Table.Th scope="col">{t('gaps')}</Table.Th>
            <Table.Th scope="col">{t('date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td>{count(r.code)}</Table.Td>
              <Table.Td>{values.get(r.code)?.period ?? t('noAnalysis')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt="xs">
        {t('mapSource')}
      </Text>
    </section>
  );
}
