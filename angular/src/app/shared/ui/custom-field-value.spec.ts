import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { DictionariesService } from '../api/generated';
import { CustomFieldDefinition } from './custom-field-support';
import { CustomFieldValue } from './custom-field-value';

describe('CustomFieldValue', () => {
  const def = (extra: Partial<CustomFieldDefinition>): CustomFieldDefinition => ({
    name: 'f',
    labelEn: 'F',
    labelZh: 'F',
    fieldType: 'Text',
    precision: null,
    dictionaryTypeCode: null,
    isRequired: false,
    defaultValue: null,
    helpEn: null,
    helpZh: null,
    ...extra,
  });
  const items = [
    {
      id: '1',
      typeCode: 'industry',
      code: 'it',
      labelEn: 'IT',
      labelZh: 'IT/软件',
      sort: 0,
      color: null,
      isEnabled: true,
      isDefault: false,
      numericValue: null,
      concurrencyStamp: 'x',
    },
    {
      id: '2',
      typeCode: 'industry',
      code: 'retail',
      labelEn: 'Retail',
      labelZh: '零售',
      sort: 1,
      color: '#f00000',
      isEnabled: false,
      isDefault: false,
      numericValue: null,
      concurrencyStamp: 'x',
    },
  ];

  async function render(
    field: CustomFieldDefinition,
    value: unknown,
    language = 'en-US',
  ): Promise<string> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideTranslateService(),
        {
          provide: DictionariesService,
          useValue: { apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue(items) },
        },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation(language, {
      common: { yes: language === 'zh-CN' ? '是' : 'Yes', no: '否' },
    });
    await new Promise((r) => translate.use(language).subscribe(r));
    const fixture = TestBed.createComponent(CustomFieldValue);
    fixture.componentRef.setInput('field', field);
    fixture.componentRef.setInput('value', value);
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ').trim();
  }

  it('shows multi-select values as tags with their labels in the current language', async () => {
    expect(
      await render(
        def({ fieldType: 'MultiSelect', dictionaryTypeCode: 'industry' }),
        ['it', 'retail'],
        'zh-CN',
      ),
    ).toBe('IT/软件零售');
  });

  it('shows yes/no and numbers with the field precision', async () => {
    expect(await render(def({ fieldType: 'Boolean' }), true)).toBe('Yes');
    TestBed.resetTestingModule();
    expect(await render(def({ fieldType: 'Number', precision: 2 }), 1234.5)).toBe('1,234.50');
  });
});
