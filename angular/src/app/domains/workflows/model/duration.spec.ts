import { DeadlineMatrix, isDuration, matrixCellText, orphanCells, setMatrixCell, toIsoDuration, toShortDuration } from './duration';

describe('durations', () => {
  it('turns typed durations into ISO 8601 and back', () => {
    expect(toIsoDuration('4h')).toBe('PT4H');
    expect(toIsoDuration('1d')).toBe('P1D');
    expect(toIsoDuration('1d 4h')).toBe('P1DT4H');
    expect(toIsoDuration('30m')).toBe('PT30M');
    expect(toIsoDuration('2w')).toBe('P14D');
    expect(toIsoDuration('PT2H30M')).toBe('PT2H30M');
    expect(toShortDuration('P1DT4H')).toBe('1d 4h');
    expect(toShortDuration('PT30M')).toBe('30m');
    for (const text of ['4h', '1d 4h', '45m', '3d']) expect(toShortDuration(toIsoDuration(text))).toBe(text);
  });

  it('refuses what is no duration', () => {
    for (const text of ['', 'soon', '4x', '0h', 'P', 'PT', '-1d']) expect(isDuration(text)).toBe(false);
  });
});

describe('deadline matrix', () => {
  const empty: DeadlineMatrix = { rowField: 'severity', columnField: 'category', cells: {}, default: 'P1D' };

  it('stores typed cells as ISO and shows them short', () => {
    let m = setMatrixCell(empty, 'high', 'billing', '4h')!;
    m = setMatrixCell(m, 'high', 'product', '1d')!;
    expect(m.cells).toEqual({ high: { billing: 'PT4H', product: 'P1D' } });
    expect(matrixCellText(m, 'high', 'billing')).toBe('4h');
    expect(empty.cells).toEqual({});
  });

  it('clears a cell with an empty text and refuses a bad one', () => {
    const m = setMatrixCell(empty, 'high', 'billing', '4h')!;
    expect(setMatrixCell(m, 'high', 'billing', '')!.cells).toEqual({});
    expect(setMatrixCell(m, 'high', 'billing', 'tomorrow')).toBeNull();
  });

  it('lists cells whose dictionary values are gone', () => {
    const m = setMatrixCell(setMatrixCell(empty, 'high', 'billing', '4h')!, 'old', 'billing', '2h')!;
    expect(orphanCells(m, ['high', 'low'], ['billing'])).toEqual(['old × billing']);
  });
});
