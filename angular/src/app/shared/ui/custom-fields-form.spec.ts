import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideTranslateService } from '@ngx-translate/core';
import { DictionariesService, UsersService } from '../api/generated';
import {
  applyCustomFieldErrors,
  buildCustomFieldsGroup,
  CustomFieldDefinition,
  fromIsoDay,
  precisionValidator,
  toIsoDay,
} from './custom-field-support';
import { CustomFieldsForm } from './custom-fields-form';

const def = (name: string, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition => ({
  name,
  labelEn: name,
  labelZh: name,
  fieldType: 'Text',
  precision: null,
  dictionaryTypeCode: null,
  isRequired: false,
  defaultValue: null,
  helpEn: null,
  helpZh: null,
  ...extra,
});

describe('custom fields form', () => {
  const fields = [
    def('note'),
    def('budget', { fieldType: 'Number', precision: 2, isRequired: true }),
    def('level', {
      fieldType: 'Dictionary',
      dictionaryTypeCode: 'customer-level',
      defaultValue: '"b"',
    }),
    def('tags', { fieldType: 'MultiSelect', dictionaryTypeCode: 'industry', isRequired: true }),
    def('vip', { fieldType: 'Boolean', isRequired: true }),
    def('since', { fieldType: 'Date' }),
  ];

  it('builds one control per field, with values or defaults', () => {
    const group = buildCustomFieldsGroup(fields, null);
    expect(Object.keys(group.controls)).toEqual([
      'note',
      'budget',
      'level',
      'tags',
      'vip',
      'since',
    ]);
    expect(group.getRawValue()).toEqual({
      note: null,
      budget: null,
      level: 'b',
      tags: [],
      vip: false,
      since: null,
    });
    const held = buildCustomFieldsGroup(fields, { budget: 12.5, level: 'a', since: '2026-01-31' });
    expect(held.controls['budget'].value).toBe(12.5);
    expect(held.controls['level'].value).toBe('a');
    expect(held.controls['note'].value).toBeNull();
  });

  it('marks required fields (an empty multi-select too; a yes/no never)', () => {
    const group = buildCustomFieldsGroup(fields, null);
    expect(group.controls['budget'].hasError('required')).toBe(true);
    expect(group.controls['tags'].hasError('required')).toBe(true);
    expect(group.controls['vip'].valid).toBe(true);
    expect(group.controls['note'].valid).toBe(true);
    group.patchValue({ budget: 3, tags: ['it'] });
    expect(group.valid).toBe(true);
  });

  it('checks the number precision', () => {
    const control = new FormControl<number | null>(1.234, precisionValidator(2));
    expect(control.hasError('precision')).toBe(true);
    control.setValue(1.23);
    expect(control.valid).toBe(true);
    control.setValue(7);
    expect(control.valid).toBe(true);
    expect(
      buildCustomFieldsGroup(fields, { budget: 1.005 }).controls['budget'].hasError('precision'),
    ).toBe(true);
  });

  it('puts server errors "customFields.<name>" on their controls and returns the others', () => {
    const group = buildCustomFieldsGroup(fields, null);
    const rest = applyCustomFieldErrors(group, {
      'customFields.Budget': 'Too many decimals',
      'CustomFields.level': 'Unknown item',
      name: 'Required',
      'customFields.gone': 'x',
    });
    expect(group.controls['budget'].getError('server')).toBe('Too many decimals');
    expect(group.controls['level'].getError('server')).toBe('Unknown item');
    expect(group.controls['level'].touched).toBe(true);
    expect(rest).toEqual({ name: 'Required', 'customFields.gone': 'x' });
  });

  it('reads and writes dates as yyyy-MM-dd', () => {
    expect(toIsoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(fromIsoDay('2026-01-05')?.getDate()).toBe(5);
    expect(fromIsoDay(42)).toBeNull();
  });

  it('renders an input per field and offers enabled dictionary items plus the held disabled one', async () => {
    const items = [
      {
        id: '1',
        typeCode: 'customer-level',
        code: 'a',
        labelEn: 'A',
        labelZh: 'A 重点',
        sort: 0,
        color: null,
        isEnabled: true,
        isDefault: false,
        numericValue: null,
        concurrencyStamp: 'x',
      },
      {
        id: '2',
        typeCode: 'customer-level',
        code: 'z',
        labelEn: 'Z',
        labelZh: 'Z',
        sort: 1,
        color: null,
        isEnabled: false,
        isDefault: false,
        numericValue: null,
        concurrencyStamp: 'x',
      },
      {
        id: '3',
        typeCode: 'customer-level',
        code: 'y',
        labelEn: 'Y',
        labelZh: 'Y',
        sort: 2,
        color: null,
        isEnabled: false,
        isDefault: false,
        numericValue: null,
        concurrencyStamp: 'x',
      },
    ];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideTranslateService(),
        {
          provide: DictionariesService,
          useValue: { apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue(items) },
        },
        {
          provide: UsersService,
          useValue: { apiIdentityUsersLookupGet: vi.fn().mockResolvedValue([]) },
        },
      ],
    });
    const fixture = TestBed.createComponent(CustomFieldsForm);
    fixture.componentRef.setInput('fields', [
      def('note', { isRequired: true, labelEn: 'Note' }),
      def('level', { fieldType: 'Dictionary', dictionaryTypeCode: 'customer-level' }),
    ]);
    fixture.componentRef.setInput('value', { level: 'z' });
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-test=cf-note] input')).not.toBeNull();
    expect(element.querySelector('[data-test=cf-note] .ant-form-item-required')).not.toBeNull();
    expect(element.querySelector('[data-test=cf-level] nz-select')).not.toBeNull();
    const component = fixture.componentInstance as unknown as {
      form: { controls: Record<string, unknown> };
      options: (f: CustomFieldDefinition, held: unknown) => { code: string }[];
    };
    expect(Object.keys(component.form.controls)).toEqual(['note', 'level']);
    expect(
      component
        .options(
          def('level', { fieldType: 'Dictionary', dictionaryTypeCode: 'customer-level' }),
          'z',
        )
        .map((i) => i.code),
    ).toEqual(['a', 'z']);
  });
});
