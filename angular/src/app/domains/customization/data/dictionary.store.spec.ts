import { TestBed } from '@angular/core/testing';
import { DictionariesService } from '../../../shared/api/generated';
import { DictionaryStore } from './dictionary.store';

describe('DictionaryStore', () => {
  const source = {
    id: 't1',
    code: 'customer-source',
    nameEn: 'Customer source',
    nameZh: '客户来源',
    isSystem: true,
    numericValueName: null,
    itemCount: 2,
    concurrencyStamp: 's1',
  };
  const stage = {
    id: 't2',
    code: 'opportunity-stage',
    nameEn: 'Opportunity stage',
    nameZh: '商机阶段',
    isSystem: true,
    numericValueName: 'Win probability %',
    itemCount: 0,
    concurrencyStamp: 's2',
  };
  const item = (id: string, code: string, isEnabled = true) => ({
    id,
    typeCode: 'customer-source',
    code,
    labelEn: code,
    labelZh: code,
    sort: 0,
    color: null,
    isEnabled,
    isDefault: false,
    numericValue: null,
    concurrencyStamp: `v-${id}`,
  });
  const web = item('i1', 'web');
  const ad = item('i2', 'ad', false);

  function setup(api: Record<string, unknown>) {
    TestBed.configureTestingModule({
      providers: [DictionaryStore, { provide: DictionariesService, useValue: api }],
    });
    return TestBed.inject(DictionaryStore);
  }

  it('selects the first type and loads its items, disabled ones included', async () => {
    const items = vi.fn().mockResolvedValue([web, ad]);
    const store = setup({
      apiDictionariesGet: vi.fn().mockResolvedValue([source, stage]),
      apiDictionariesTypeCodeItemsGet: items,
    });
    await store.init();
    expect(store.selected()?.code).toBe('customer-source');
    expect(items).toHaveBeenCalledWith({ typeCode: 'customer-source', includeDisabled: true });
    expect(store.items().map((i) => i.code)).toEqual(['web', 'ad']);
  });

  it('saves an item change with its concurrency stamp and its other values unchanged', async () => {
    const put = vi.fn().mockResolvedValue(web);
    const store = setup({
      apiDictionariesGet: vi.fn().mockResolvedValue([source]),
      apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue([web, ad]),
      apiDictionariesItemsIdPut: put,
    });
    await store.init();
    await store.updateItem(web, { isEnabled: false });
    expect(put).toHaveBeenCalledWith({
      id: 'i1',
      body: {
        code: 'web',
        labelEn: 'web',
        labelZh: 'web',
        color: null,
        isEnabled: false,
        isDefault: false,
        numericValue: null,
        concurrencyStamp: 'v-i1',
      },
    });
  });

  it('reorders at once and saves the new order of ids', async () => {
    const order = vi.fn().mockResolvedValue(undefined);
    let resolveReload: (v: unknown) => void = () => undefined;
    const items = vi
      .fn()
      .mockResolvedValueOnce([web, ad])
      .mockReturnValueOnce(new Promise((r) => (resolveReload = r)));
    const store = setup({
      apiDictionariesGet: vi.fn().mockResolvedValue([source]),
      apiDictionariesTypeCodeItemsGet: items,
      apiDictionariesTypeCodeOrderPut: order,
    });
    await store.init();
    const done = store.reorder(0, 1);
    expect(store.items().map((i) => i.code)).toEqual(['ad', 'web']);
    await Promise.resolve();
    expect(order).toHaveBeenCalledWith({
      typeCode: 'customer-source',
      body: { itemIds: ['i2', 'i1'] },
    });
    resolveReload([ad, web]);
    await done;
    expect(store.items().map((i) => i.id)).toEqual(['i2', 'i1']);
  });

  it('creates an item in the selected type and refreshes the counts', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    const types = vi.fn().mockResolvedValue([source]);
    const store = setup({
      apiDictionariesGet: types,
      apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue([]),
      apiDictionariesTypeCodeItemsPost: post,
    });
    await store.init();
    const body = { code: 'fair', labelEn: 'Fair', labelZh: '展会', color: null };
    await store.createItem(body);
    expect(post).toHaveBeenCalledWith({ typeCode: 'customer-source', body });
    expect(types).toHaveBeenCalledTimes(2);
  });

  it('keeps the list when deleting is refused', async () => {
    const refused = new Error('dictionary.item_in_use');
    const store = setup({
      apiDictionariesGet: vi.fn().mockResolvedValue([source]),
      apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue([web, ad]),
      apiDictionariesItemsIdDelete: vi.fn().mockRejectedValue(refused),
    });
    await store.init();
    await expect(store.removeItem(web)).rejects.toBe(refused);
    expect(store.items()).toHaveLength(2);
  });
});
