import { csvCell, csvLine } from './export-stream';

describe('CSV for Danish spreadsheets', () => {
  it('separates cells with ; and quotes a cell with ;, " or a line break, doubling the quote', () => {
    expect(csvLine(['Aarhus', 751, true, null])).toBe('Aarhus;751;true;\n');
    expect(csvCell('Afviger; se "notat"')).toBe('"Afviger; se ""notat"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
  });

  it('keeps æ, ø and å as they are (the response is UTF-8)', () => {
    expect(csvCell('Rådgivning fulgt i Østdanmark, Sjælland')).toBe(
      'Rådgivning fulgt i Østdanmark, Sjælland',
    );
  });

  it('never lets text start a formula, but writes a negative amount as a number', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-500)).toBe('-500');
  });
});
