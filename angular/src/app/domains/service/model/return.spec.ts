import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_SORT, EMPTY_RETURN_FILTER, reasonDictionary, RETURN_KIND_FIELDS, RETURN_KINDS, returnQuery } from './return';

describe('return model', () => {
  it('shows every field a kind requires', () => {
    for (const kind of RETURN_KINDS) {
      const { shown, required } = RETURN_KIND_FIELDS[kind];
      expect(required.filter((f) => !shown.includes(f))).toEqual([]);
    }
  });

  it('takes price-protection reasons from the compensation dictionary', () => {
    expect(reasonDictionary('PriceProtection')).toBe('compensation-reason');
    expect(reasonDictionary('ReturnExchange')).toBe('return-reason');
  });

  it('builds the list query', () => {
    expect(returnQuery({ ...EMPTY_RETURN_FILTER, view: 'approval', kind: ['QuickReturn'] }, DEFAULT_RETURN_SORT, 1, 20)).toEqual({
      Sort: '-createdAt', Page: 1, PageSize: 20, View: 'approval', Kind: ['QuickReturn'],
    });
  });
});
