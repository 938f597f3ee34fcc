import { describe, expect, it } from 'vitest';
import { DICTIONARY } from './dictionary';
import { formatters } from './format';

describe('Danish and English formats', () => {
  it('shows øre as kroner in Danish notation', () => {
    const kroner = formatters('da').kroner(123450).replace(/\s/g, ' ');
    expect(kroner).toBe('1.234,50 kr.');
  });

  it('shows dates in Danish and in English', () => {
    expect(formatters('da').date('2026-01-15')).toBe('15. jan. 2026');
    expect(formatters('en').date('2026-01-15')).toBe('15 Jan 2026');
  });

  it('has every label in both languages, none empty', () => {
    expect(Object.keys(DICTIONARY.en).sort()).toEqual(Object.keys(DICTIONARY.da).sort());
    for (const table of Object.values(DICTIONARY))
      for (const label of Object.values(table)) expect(label).not.toBe('');
  });
});
