import { TestBed } from '@angular/core/testing';
import { SearchService } from '../../../shared/api/generated';
import { groupCount, groupLabel, hitTarget } from '../model/search';
import { SearchStore } from './search.store';

describe('global search', () => {
  const group = (type: string, hits: number, total = hits) => ({
    type,
    label: { en: type === 'customer' ? 'Customers' : 'Contacts', zh: type === 'customer' ? '客户' : '联系人' },
    total,
    totalIsLowerBound: false,
    hits: Array.from({ length: hits }, (_, i) => ({ type, id: type + i, title: '<em>王</em>', subtitle: null, link: null, score: 1, highlights: [] })),
  });

  it('labels groups in the UI language with their counts, capped counts marked', () => {
    expect(groupLabel(group('customer', 1), 'zh-CN')).toBe('客户');
    expect(groupLabel(group('customer', 1), 'en-US')).toBe('Customers');
    expect(groupCount({ total: 10000, totalIsLowerBound: true })).toBe('10,000+');
  });

  it('keeps the groups with hits and only the latest answer', async () => {
    let resolveFirst: (v: unknown) => void = () => undefined;
    const api = {
      apiSearchGet: vi
        .fn()
        .mockReturnValueOnce(new Promise((r) => (resolveFirst = r)))
        .mockResolvedValueOnce({ groups: [group('customer', 2), group('contact', 0)], total: 2 }),
    };
    TestBed.configureTestingModule({ providers: [SearchStore, { provide: SearchService, useValue: api }] });
    const store = TestBed.inject(SearchStore);
    const first = store.search('王');
    await store.search('王芳');
    resolveFirst({ groups: [group('contact', 1)], total: 1 });
    await first;
    expect(store.shown().map((g) => g.type)).toEqual(['customer']);
    expect(store.query()).toBe('王芳');
  });

  it('opens a contact hit on its customer’s contacts tab', () => {
    expect(hitTarget('/customers/c1/contacts/k1')).toEqual({ path: '/customers/c1', queryParams: { tab: 'contacts', contact: 'k1' } });
    expect(hitTarget('/customers/c1')).toEqual({ path: '/customers/c1' });
  });
});
