import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal, viewChild } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
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
import { FileAttach, StagedFile } from '../../../shared/ui/file-attach';
import { fileSize } from '../../../shared/util/file-size';
import { validateForm } from '../../../shared/util/form-errors';
import { CustomerDetailStore } from '../data/customer-detail.store';
import { channelsFlag, Contact, Customer, DICTIONARIES, FollowUp, FollowUpFile, REMINDER_CHANNELS, ReminderChannel } from '../model/customer';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { CustomerFormDrawer } from './customer-form.drawer';
import { CustomerMerges } from './customer-merges';
import { ClickToCall } from '../ui/click-to-call';
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
    FileAttach,
    CustomFieldValue,
    DictionarySelect,
    DictionaryTag,
    CustomerFormDrawer,
    CustomerMerges,
    ClickToCall,
    NzAlertModule,
    NzBadgeModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    NzSwitchModule,
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
  protected readonly channels = REMINDER_CHANNELS;
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
  /** Files uploaded for the follow-up being written, attached when it is saved. */
  protected readonly followUpFiles = signal<StagedFile[]>([]);
  private readonly followUpAttach = viewChild(FileAttach);
  protected readonly followUpUploading = computed(() => this.followUpAttach()?.uploading() ?? false);
  protected readonly size = fileSize;
  protected readonly locating = signal(false);
  protected readonly locateFailed = signal(false);
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

  protected readonly followUpForm = this.fb.group({
    methodCode: this.fb.control<string | null>('phone', Validators.required),
    content: ['', [Validators.required, Validators.maxLength(4000)]],
    result: ['', Validators.maxLength(1000)],
    at: this.fb.control<Date>(new Date(), Validators.required),
    contactId: this.fb.control<string | null>(null),
    checkIn: [false],
    latitude: this.fb.control<number | null>(null, [Validators.min(-90), Validators.max(90)]),
    longitude: this.fb.control<number | null>(null, [Validators.min(-180), Validators.max(180)]),
    accuracyMeters: this.fb.control<number | null>(null),
    address: ['', Validators.maxLength(256)],
    photoNote: ['', Validators.maxLength(500)],
    scheduleNext: [false],
    nextDueAt: this.fb.control<Date | null>(null),
    nextSubject: ['', Validators.maxLength(200)],
    nextChannels: this.fb.control<ReminderChannel[]>(['InApp']),
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
    // an upload still running from a form closed before belongs to no follow-up
    this.followUpAttach()?.reset();
    this.editedFollowUp.set(followUp ?? null);
    if (followUp) {
      this.followUpForm.reset({
        methodCode: followUp.methodCode, content: followUp.content, result: followUp.result ?? '', at: new Date(followUp.at),
        contactId: followUp.contactId, nextChannels: ['InApp'],
      });
      this.followUpFiles.set(followUp.attachments.map((a) => ({ fileId: a.fileId, fileName: a.fileName, size: a.size })));
    } else {
      const primary = this.store.contacts().find((c) => c.isPrimary);
      this.followUpForm.reset({ methodCode: 'phone', at: new Date(), contactId: primary?.id ?? null, nextChannels: ['InApp'] });
      this.followUpFiles.set([]);
    }
    this.locateFailed.set(false);
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

  /** The attach component's work; a failure (type, size) is shown here and stops the files after it. */
  protected readonly uploadFollowUpFile = (file: File): Promise<StagedFile | null> =>
    this.store.uploadFollowUpFile(file).catch((e: unknown) => {
      this.problems.show(e);
      return null;
    });

  protected downloadFollowUpFile(followUp: FollowUp, file: FollowUpFile): void {
    this.store.downloadFollowUpFile(followUp, file).catch((e: unknown) => this.problems.show(e));
  }

  /** Fills the check-in coordinates from the browser when the user allows it; otherwise they are typed in. */
  protected locate(): void {
    if (!('geolocation' in navigator)) {
      this.locateFailed.set(true);
      return;
    }
    this.locating.set(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        this.followUpForm.patchValue({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: Math.round(p.coords.accuracy) });
        this.locating.set(false);
        this.locateFailed.set(false);
      },
      () => {
        this.locating.set(false);
        this.locateFailed.set(true);
      },
      { enableHighAccuracy: true, timeout: 10000 },
    );
  }

  protected toggleChannel(channel: ReminderChannel, on: boolean): void {
    const current = this.followUpForm.controls.nextChannels.value;
    this.followUpForm.controls.nextChannels.setValue(on ? [...current, channel] : current.filter((c) => c !== channel));
  }

  protected async saveFollowUp(): Promise<void> {
    const f = this.followUpForm;
    const v = f.getRawValue();
    f.controls.latitude.setValidators(v.checkIn ? [Validators.required, Validators.min(-90), Validators.max(90)] : []);
    f.controls.longitude.setValidators(v.checkIn ? [Validators.required, Validators.min(-180), Validators.max(180)] : []);
    f.controls.nextDueAt.setValidators(v.scheduleNext ? [Validators.required] : []);
    // Enter submits the form too: never save while a file is still on its way
    if (this.followUpUploading() || !validateForm(f)) return;
    this.busy.set(true);
    try {
      const edited = this.editedFollowUp();
      const attachmentFileIds = this.followUpFiles().map((file) => file.fileId);
      if (edited) {
        await this.store.updateFollowUp(edited.id, {
          methodCode: v.methodCode ?? edited.methodCode,
          content: v.content.trim(),
          result: v.result || null,
          at: v.at.toISOString(),
          contactId: v.contactId,
          concurrencyStamp: edited.concurrencyStamp,
          attachmentFileIds,
        });
      } else {
        await this.store.addFollowUp({
          methodCode: v.methodCode ?? 'phone',
          content: v.content.trim(),
          result: v.result || null,
          at: v.at.toISOString(),
          contactId: v.contactId,
          checkIn: v.checkIn
            ? { latitude: v.latitude!, longitude: v.longitude!, accuracyMeters: v.accuracyMeters, address: v.address || null, photoNote: v.photoNote || null }
            : null,
          nextFollowUp: v.scheduleNext && v.nextDueAt ? { dueAt: v.nextDueAt.toISOString(), subject: v.nextSubject || null, channels: channelsFlag(v.nextChannels) } : null,
          attachmentFileIds,
        });
      }
      this.message.success(this.language.instant('customers.followUps.saved'));
      this.followUpOpen.set(false);
    } catch (e) {
      this.reportFormErrors(f, e);
    } finally {
      this.busy.set(false);
    }
  }

  protected filterHistory(): void {
    this.store.filterHistory(this.historyField(), this.historyUser()).catch((e: unknown) => this.problems.show(e));
  }
}
