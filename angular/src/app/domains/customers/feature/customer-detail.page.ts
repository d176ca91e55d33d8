import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { injectUiLanguage, labelIn } from '../../../shared/ui/custom-field-support';
import { CustomFieldValue } from '../../../shared/ui/custom-field-value';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { fileSize } from '../../../shared/util/file-size';
import { validateForm } from '../../../shared/util/form-errors';
import { CustomerDetailStore } from '../data/customer-detail.store';
import { Contact, Customer, DICTIONARIES, FollowUp, FollowUpFile } from '../model/customer';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { CustomerFormDrawer } from './customer-form.drawer';
import { CustomerMerges } from './customer-merges';
import { FollowUpFormDialog } from './follow-up-form.dialog';
import { ClickToCall } from '../ui/click-to-call';
import { TimelineCall } from '../ui/timeline-call';
import { CustomerPoolsService } from '../../../shared/api/generated';
import type { Customer360Slot } from '../../../shared/api/generated';

/** Customer 360: header with owner and pool state, tabs for profile, contacts, follow-ups, ownership, history and later modules. */
@Component({
  selector: 'app-customer-detail-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    LocalNumberPipe,
    FieldErrors,
    CustomFieldValue,
    DictionaryTag,
    CustomerFormDrawer,
    CustomerMerges,
    FollowUpFormDialog,
    ClickToCall,
    TimelineCall,
    NzAlertModule,
    NzBadgeModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTimelineModule,
  ],
  templateUrl: './customer-detail.page.html',
  styles: `
    .follow-up-files { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 4px; }
    .follow-up-files a { cursor: pointer; }
    .follow-up-actions { margin-inline-start: 8px; display: inline-flex; gap: 4px; }
  `,
  providers: [CustomerDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDetailPage implements OnInit {
  readonly id = input.required<string>();
  /** `?tab=contacts` (e.g. from a search hit on a contact) opens that tab. */
  readonly tab = input<string | undefined>();
  private readonly poolsApi = inject(CustomerPoolsService);
  protected readonly store = inject(CustomerDetailStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly reportFormErrors = injectFormErrorReporter();
  protected readonly uiLanguage = injectUiLanguage();

  protected readonly dict = DICTIONARIES;
  protected readonly canEdit = computed(() => this.permissions.has('Customers.Customers.Edit'));
  protected readonly canCall = computed(() => this.permissions.has('Service.CallCenter'));
  protected readonly canDelete = computed(() => this.permissions.has('Customers.Customers.Delete'));
  protected readonly canAssign = computed(() => this.permissions.has('Customers.Customers.Assign'));
  protected readonly canFollowUp = computed(() => this.permissions.has('Customers.FollowUps'));
  protected readonly canPool = computed(() => this.permissions.has('Customers.Pool'));
  protected readonly canMerge = computed(() => this.permissions.has('Customers.Customers.Merge'));
  protected readonly returning = signal(false);
  protected readonly returnReason = signal('');
  protected readonly initialTab = computed(() => (this.tab() === 'contacts' ? 1 : 0));
  protected readonly editing = signal(false);
  protected readonly dialog = signal<'contact' | 'owner' | 'serviceRep' | null>(null);
  protected readonly busy = signal(false);
  protected readonly editedContact = signal<Contact | null>(null);
  protected readonly ownerId = signal<string | null>(null);
  protected readonly ownerReason = signal('');
  protected readonly serviceRepId = signal<string | null>(null);
  protected readonly followUpOpen = signal(false);
  /** The follow-up being edited; null while recording a new one. */
  protected readonly editedFollowUp = signal<FollowUp | null>(null);
  protected readonly size = fileSize;
  protected readonly historyField = signal<string | null>(null);
  protected readonly historyUser = signal<string | null>(null);

  protected readonly contactForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    mobile: ['', Validators.maxLength(32)],
    phone: ['', Validators.maxLength(32)],
    email: ['', [Validators.email, Validators.maxLength(256)]],
    title: ['', Validators.maxLength(64)],
    department: ['', Validators.maxLength(64)],
    weChat: ['', Validators.maxLength(64)],
    isPrimary: [false],
  });

  protected readonly historyFields = computed(() => {
    const seen = new Map<string, string>();
    for (const h of this.store.history()) if (h.field) seen.set(h.field, labelIn(this.uiLanguage(), h.fieldLabel?.en, h.fieldLabel?.zh) || h.field);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  });

  ngOnInit(): void {
    this.store.loadOptions().catch(() => undefined);
    this.store.load(this.id()).catch((e: unknown) => this.problems.show(e));
  }

  protected joined(...parts: (string | null | undefined)[]): string {
    return parts.filter((p) => !!p).join(' ');
  }

  protected cf(customer: Customer, name: string): unknown {
    return (customer.customFields as Record<string, unknown>)[name];
  }

  protected label(pair: { en: string; zh: string } | null | undefined): string {
    return labelIn(this.uiLanguage(), pair?.en, pair?.zh);
  }

  protected slotCount(slot: Customer360Slot): number {
    return Number(slot.count);
  }

  protected async returnToPool(): Promise<void> {
    const c = this.store.customer();
    if (!c || !this.returnReason().trim()) return;
    this.busy.set(true);
    try {
      await this.poolsApi.apiCustomersIdReturnToPoolPost({ id: c.id, body: { reason: this.returnReason().trim(), poolId: null, concurrencyStamp: c.concurrencyStamp } });
      this.message.success(this.language.instant('customers.pool.returned'));
      this.returning.set(false);
      await this.store.reloadCustomer();
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected mergeChanged(): void {
    void this.store.reloadCustomer();
  }

  protected tabChanged(index: number): void {
    if (index === 4 && this.store.history().length === 0) void this.store.loadHistory();
  }

  protected saved(customer: Customer): void {
    this.editing.set(false);
    this.store.updated(customer);
  }

  protected async remove(): Promise<void> {
    try {
      await this.store.remove();
      this.message.success(this.language.instant('customers.deleted'));
      void this.router.navigate(['/customers']);
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected openContact(contact: Contact | null): void {
    this.editedContact.set(contact);
    this.contactForm.reset({
      name: contact?.name ?? '',
      mobile: contact?.mobile ?? '',
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      title: contact?.title ?? '',
      department: contact?.department ?? '',
      weChat: contact?.weChat ?? '',
      isPrimary: contact?.isPrimary ?? this.store.contacts().length === 0,
    });
    this.dialog.set('contact');
  }

  protected async saveContact(): Promise<void> {
    if (!validateForm(this.contactForm)) return;
    const v = this.contactForm.getRawValue();
    const contact = this.editedContact();
    this.busy.set(true);
    try {
      await this.store.saveContact(contact, {
        name: v.name.trim(),
        mobile: v.mobile || null,
        phone: v.phone || null,
        email: v.email || null,
        title: v.title || null,
        department: v.department || null,
        weChat: v.weChat || null,
        isPrimary: v.isPrimary,
        customFields: (contact?.customFields as Record<string, never> | undefined) ?? {},
      });
      this.message.success(this.language.instant('customers.contactSaved'));
      this.dialog.set(null);
    } catch (e) {
      this.reportFormErrors(this.contactForm, e);
    } finally {
      this.busy.set(false);
    }
  }

  protected act(promise: Promise<unknown>, done: string): void {
    promise.then(() => this.message.success(this.language.instant(done))).catch((e: unknown) => this.problems.show(e));
  }

  protected openOwner(): void {
    this.ownerId.set(null);
    this.ownerReason.set('');
    this.dialog.set('owner');
  }

  protected openServiceRep(): void {
    this.serviceRepId.set(this.store.customer()?.serviceRepId ?? null);
    this.dialog.set('serviceRep');
  }

  protected async assignOwner(): Promise<void> {
    const owner = this.ownerId();
    if (!owner) return;
    this.busy.set(true);
    try {
      await this.store.assignOwner(owner, this.ownerReason().trim() || null);
      this.message.success(this.language.instant('customers.ownerAssigned'));
      this.dialog.set(null);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async setServiceRep(): Promise<void> {
    this.busy.set(true);
    try {
      await this.store.setServiceRep(this.serviceRepId());
      this.message.success(this.language.instant('customers.serviceRepSet'));
      this.dialog.set(null);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected openFollowUp(followUp?: FollowUp): void {
    this.editedFollowUp.set(followUp ?? null);
    this.followUpOpen.set(true);
  }

  /**
   * Its author changes a follow-up; holders of the delete permission may change any they see (as the server decides).
   * A customer in the pool or merged into another is not editable, so neither are its follow-ups.
   */
  protected canChangeFollowUp(followUp: FollowUp): boolean {
    const customer = this.store.customer();
    if (!customer || customer.poolId || customer.status !== 'Active') return false;
    return this.canFollowUp() && (followUp.ownerId === this.permissions.me()?.userId || this.canDelete());
  }

  protected async deleteFollowUp(followUp: FollowUp): Promise<void> {
    try {
      await this.store.deleteFollowUp(followUp.id);
      this.message.success(this.language.instant('customers.followUps.deleted'));
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected downloadFollowUpFile(followUp: FollowUp, file: FollowUpFile): void {
    this.store.downloadFollowUpFile(followUp, file).catch((e: unknown) => this.problems.show(e));
  }

  protected filterHistory(): void {
    this.store.filterHistory(this.historyField(), this.historyUser()).catch((e: unknown) => this.problems.show(e));
  }
}
