import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { startWith } from 'rxjs';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomersService } from '../../../shared/api/generated';
import type { CustomFieldDto } from '../../../shared/api/generated';
import { CustomFieldsForm } from '../../../shared/ui/custom-fields-form';
import { CustomFieldValues } from '../../../shared/ui/custom-field-support';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { DuplicateCheck } from '../data/duplicate-check';
import { Customer, DICTIONARIES, Duplicate, duplicateMatchesOf } from '../model/customer';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DuplicateList } from '../ui/duplicate-list';

/**
 * Create or edit a customer in a drawer: live duplicate warning while the name, phones or emails are typed,
 * dictionaries for level/source/industry, custom fields, contacts on create (the first is primary).
 * A 409 `customer.duplicate` opens a dialog with the matches asking for a reason, then saves again.
 */
@Component({
  selector: 'app-customer-form-drawer',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    CustomFieldsForm,
    DictionarySelect,
    DuplicateList,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzRadioModule,
    NzButtonModule,
    NzAlertModule,
    NzGridModule,
    NzDividerModule,
    NzIconModule,
    NzModalModule,
    NzSpinModule,
  ],
  providers: [DuplicateCheck],
  templateUrl: './customer-form.drawer.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerFormDrawer {
  private readonly api = inject(CustomersService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  protected readonly duplicates = inject(DuplicateCheck);
  protected readonly dict = DICTIONARIES;

  readonly open = input(false);
  /** The customer to edit; null creates one. */
  readonly customer = input<Customer | null>(null);
  readonly customFields = input<CustomFieldDto[]>([]);
  readonly closed = output<void>();
  readonly saved = output<Customer>();

  private readonly customFieldsForm = viewChild(CustomFieldsForm);
  protected readonly saving = signal(false);
  protected readonly customFieldValues = signal<CustomFieldValues>({});
  protected readonly blockingMatches = signal<Duplicate[] | null>(null);
  protected readonly duplicateReason = signal('');
  protected readonly editing = computed(() => this.customer() !== null);

  protected readonly form = this.fb.group({
    kind: this.fb.control<'Company' | 'Person'>('Company'),
    name: ['', [Validators.required, Validators.maxLength(200)]],
    levelCode: this.fb.control<string | null>(null),
    sourceCode: this.fb.control<string | null>(null),
    industryCode: this.fb.control<string | null>(null),
    phones: this.fb.control<string[]>([]),
    emails: this.fb.control<string[]>([]),
    tags: this.fb.control<string[]>([]),
    province: ['', Validators.maxLength(64)],
    city: ['', Validators.maxLength(64)],
    district: ['', Validators.maxLength(64)],
    address: ['', Validators.maxLength(256)],
    latitude: this.fb.control<number | null>(null, [Validators.min(-90), Validators.max(90)]),
    longitude: this.fb.control<number | null>(null, [Validators.min(-180), Validators.max(180)]),
    website: ['', Validators.maxLength(256)],
    remark: ['', Validators.maxLength(2000)],
    contacts: this.fb.array<ReturnType<CustomerFormDrawer['contactGroup']>>([]),
  });

  protected get contacts(): FormArray<ReturnType<CustomerFormDrawer['contactGroup']>> {
    return this.form.controls.contacts;
  }

  private readonly probeInput = toSignal(this.form.valueChanges.pipe(startWith(this.form.value)));

  constructor() {
    effect(() => {
      if (!this.open()) return;
      const customer = this.customer();
      untracked(() => this.reset(customer));
    });
    effect(() => {
      const v = this.probeInput();
      if (!this.open() || !v) return;
      untracked(() =>
        this.duplicates.probe({ name: v.name ?? '', phones: v.phones ?? [], emails: v.emails ?? [], excludeId: this.customer()?.id ?? null }),
      );
    });
  }

  private contactGroup() {
    return this.fb.group({
      name: ['', [Validators.required, Validators.maxLength(64)]],
      mobile: ['', Validators.maxLength(32)],
      email: ['', [Validators.email, Validators.maxLength(256)]],
      title: ['', Validators.maxLength(64)],
    });
  }

  protected addContact(): void {
    this.contacts.push(this.contactGroup());
  }

  protected removeContact(index: number): void {
    this.contacts.removeAt(index);
  }

  private reset(customer: Customer | null): void {
    this.contacts.clear();
    this.duplicates.reset();
    this.blockingMatches.set(null);
    this.duplicateReason.set('');
    this.form.reset({
      kind: customer?.kind ?? 'Company',
      name: customer?.name ?? '',
      levelCode: customer?.levelCode ?? null,
      sourceCode: customer?.sourceCode ?? null,
      industryCode: customer?.industryCode ?? null,
      phones: customer?.phones ?? [],
      emails: customer?.emails ?? [],
      tags: customer?.tags ?? [],
      province: customer?.province ?? '',
      city: customer?.city ?? '',
      district: customer?.district ?? '',
      address: customer?.address ?? '',
      latitude: customer?.latitude === null || customer?.latitude === undefined ? null : Number(customer.latitude),
      longitude: customer?.longitude === null || customer?.longitude === undefined ? null : Number(customer.longitude),
      website: customer?.website ?? '',
      remark: customer?.remark ?? '',
    });
    if (!customer) this.addContact();
  }

  protected initialCustomFields(): CustomFieldValues | null {
    return (this.customer()?.customFields as CustomFieldValues | undefined) ?? null;
  }

  protected close(): void {
    this.closed.emit();
  }

  protected async save(duplicateReason: string | null = null): Promise<void> {
    const cf = this.customFieldsForm()?.form;
    // a contact row left blank is not a contact: drop it instead of asking for its name
    for (let i = this.contacts.length - 1; i >= 0; i--) {
      const c = this.contacts.at(i).getRawValue();
      if (!c.name.trim() && !c.mobile.trim() && !c.email.trim() && !c.title.trim()) this.contacts.removeAt(i);
    }
    const valid = validateForm(this.form);
    for (const group of this.contacts.controls) validateForm(group);
    if (cf) validateForm(cf);
    if (!valid || this.contacts.invalid || (cf && cf.invalid)) return;
    const v = this.form.getRawValue();
    const fields = {
      kind: v.kind,
      name: v.name.trim(),
      levelCode: v.levelCode,
      sourceCode: v.sourceCode,
      industryCode: v.industryCode,
      phones: v.phones,
      emails: v.emails,
      tags: v.tags,
      province: v.province || null,
      city: v.city || null,
      district: v.district || null,
      address: v.address || null,
      latitude: v.latitude,
      longitude: v.longitude,
      website: v.website || null,
      remark: v.remark || null,
      customFields: this.customFieldValues() as Record<string, never>,
    };
    this.saving.set(true);
    try {
      const existing = this.customer();
      let result: Customer;
      if (existing) {
        result = await this.api.apiCustomersIdPut({ id: existing.id, body: { ...fields, isLocked: existing.isLocked, concurrencyStamp: existing.concurrencyStamp } });
      } else {
        const contacts = v.contacts
          .filter((c) => c.name.trim())
          .map((c, i) => ({ name: c.name.trim(), mobile: c.mobile || null, email: c.email || null, title: c.title || null, isPrimary: i === 0 }));
        result = await this.api.apiCustomersPost({ body: { ...fields, contacts, duplicateReason } });
      }
      this.blockingMatches.set(null);
      this.message.success(this.language.instant(existing ? 'customers.saved' : 'customers.created'));
      this.saved.emit(result);
    } catch (e) {
      const matches = e instanceof HttpErrorResponse && e.status === 409 ? duplicateMatchesOf(e.error) : null;
      if (matches) {
        this.blockingMatches.set(matches);
      } else {
        const unmatched = this.applyCustomFieldErrors(e);
        if (unmatched) this.reportFormErrors(this.form, e);
      }
    } finally {
      this.saving.set(false);
    }
  }

  /** Custom field errors go on their inputs; true when other errors remain for the form reporter. */
  private applyCustomFieldErrors(e: unknown): boolean {
    const body = e instanceof HttpErrorResponse ? (e.error as { errors?: Record<string, string[]> } | null) : null;
    const errors = body?.errors ?? {};
    const custom = Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.toLowerCase().startsWith('customfields.'))
        .map(([k, v]) => [k, v[0] ?? '']),
    );
    if (Object.keys(custom).length) this.customFieldsForm()?.showServerErrors(custom);
    return Object.keys(errors).length === 0 || Object.keys(errors).length > Object.keys(custom).length;
  }

  protected confirmDuplicate(): void {
    const reason = this.duplicateReason().trim();
    if (!reason) return;
    void this.save(reason);
  }

  protected cancelDuplicate(): void {
    this.blockingMatches.set(null);
  }
}
