import { isSeededCategory, totalOf, versionNote } from './article';

describe('knowledge article model', () => {
  it('adds up category counts', () => {
    expect(totalOf([{ code: 'faq', count: 2 }, { code: 'case', count: 3 }])).toBe(5);
    expect(totalOf([])).toBe(0);
  });

  it('reads version notes', () => {
    expect(versionNote('restored:2')).toEqual({ key: 'knowledge.versions.note.restored', params: { from: '2' } });
    expect(versionNote('edited')).toEqual({ key: 'knowledge.versions.note.edited', params: { from: '' } });
  });

  it('knows the seeded categories', () => {
    expect(isSeededCategory('faq')).toBe(true);
    expect(isSeededCategory('custom')).toBe(false);
  });
});
