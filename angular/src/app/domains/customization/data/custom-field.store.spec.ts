import { TestBed } from '@angular/core/testing';
import { CustomFieldsService, DictionariesService } from '../../../shared/api/generated';
import type { CustomFieldDto } from '../../../shared/api/generated';
import { CustomFieldStore } from './custom-field.store';

describe('CustomFieldStore', () => {
  const entityTypes = [
    { name: 'customer', displayName: { en: 'Customer', zh: '客户' } },
    { name: 'contact', displayName: { en: 'Contact', zh: '联系人' } },
  ];
  const field = (
    id: string,
    name: string,
    extra: Partial<CustomFieldDto> = {},
  ): CustomFieldDto => ({
    id,
    entityType: 'customer',
    name,
    labelEn: name,
    labelZh: name,
    fieldType: 'Text',
    precision: null,
    dictionaryTypeCode: null,
    isRequired: false,
    defaultValue: null,
    sort: 0,
    helpEn: null,
    helpZh: null,
    isHidden: false,
    concurrencyStamp: `v-${id}`,
    ...extra,
  });
  const level = field('f1', 'level', {
    fieldType: 'Dictionary',
    dictionaryTypeCode: 'customer-level',
  });
  const budget = field('f2', 'budget', { fieldType: 'Number', precision: 2, isHidden: true });

  function setup(api: Record<string, unknown>) {
    TestBed.configureTestingModule({
      providers: [
        CustomFieldStore,
        {
          provide: CustomFieldsService,
          useValue: {
            apiCustomFieldsEntityTypesGet: vi.fn().mockResolvedValue(entityTypes),
            ...api,
          },
        },
        {
          provide: DictionariesService,
          useValue: { apiDictionariesGet: vi.fn().mockResolvedValue([]) },
        },
      ],
    });
    return TestBed.inject(CustomFieldStore);
  }

  it('starts on the first record type with hidden fields included, and previews only the visible ones', async () => {
    const get = vi.fn().mockResolvedValue([level, budget]);
    const store = setup({ apiCustomFieldsGet: get });
    await store.init();
    expect(store.entityType()).toBe('customer');
    expect(get).toHaveBeenCalledWith({ entityType: 'customer', includeHidden: true });
    expect(store.visibleFields().map((f) => f.name)).toEqual(['level']);
  });

  it('switches record type', async () => {
    const get = vi.fn().mockResolvedValue([]);
    const store = setup({ apiCustomFieldsGet: get });
    await store.init();
    await store.selectEntityType('contact');
    expect(get).toHaveBeenLastCalledWith({ entityType: 'contact', includeHidden: true });
  });

  it('creates a field on the selected record type', async () => {
    const post = vi.fn().mockResolvedValue(undefined);
    const store = setup({
      apiCustomFieldsGet: vi.fn().mockResolvedValue([]),
      apiCustomFieldsPost: post,
    });
    await store.init();
    await store.create({
      name: 'budget',
      labelEn: 'Budget',
      labelZh: '预算',
      fieldType: 'Number',
      precision: 2,
    });
    expect(post).toHaveBeenCalledWith({
      body: {
        name: 'budget',
        labelEn: 'Budget',
        labelZh: '预算',
        fieldType: 'Number',
        precision: 2,
        entityType: 'customer',
      },
    });
  });

  it('hides a field by saving it whole with its concurrency stamp', async () => {
    const put = vi.fn().mockResolvedValue(level);
    const store = setup({
      apiCustomFieldsGet: vi.fn().mockResolvedValue([level]),
      apiCustomFieldsIdPut: put,
    });
    await store.init();
    await store.setHidden(level, true);
    expect(put).toHaveBeenCalledWith({
      id: 'f1',
      body: expect.objectContaining({
        name: 'level',
        fieldType: 'Dictionary',
        dictionaryTypeCode: 'customer-level',
        isHidden: true,
        concurrencyStamp: 'v-f1',
      }),
    });
  });

  it('saves a new order of the record type', async () => {
    const order = vi.fn().mockResolvedValue(undefined);
    const store = setup({
      apiCustomFieldsGet: vi.fn().mockResolvedValue([level, budget]),
      apiCustomFieldsOrderPut: order,
    });
    await store.init();
    await store.reorder(1, 0);
    expect(order).toHaveBeenCalledWith({
      body: { entityType: 'customer', fieldIds: ['f2', 'f1'] },
    });
  });
});
