import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { FileAttach, StagedFile } from '../../../shared/ui/file-attach';
import { validateForm } from '../../../shared/util/form-errors';
import { CustomerDetailStore } from '../data/customer-detail.store';
import { channelsFlag, Contact, DICTIONARIES, FollowUp, REMINDER_CHANNELS, ReminderChannel } from '../model/customer';

/**
 * Records a follow-up of the page's customer, or corrects one (`followUp`): method, time, contact, text, result and
 * files uploaded while the form is open. Recording a new one may also check in (coordinates from the browser or typed)
 * and schedule the next follow-up as a reminder. Saves through the page's {@link CustomerDetailStore}; server
 * validation errors land on the fields.
 */
@Component({
  selector: 'app-follow-up-form-dialog',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    FileAttach,
    DictionarySelect,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
  ],
  templateUrl: './follow-up-form.dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpFormDialog {
  private readonly store = inject(CustomerDetailStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();

  readonly open = input(false);
  /** The follow-up to correct; null records a new one. */
  readonly followUp = input<FollowUp | null>(null);
  /** The customer's contacts; a new follow-up starts with the primary one. */
  readonly contacts = input<Contact[]>([]);
  readonly closed = output<void>();
  readonly saved = output<FollowUp>();

  protected readonly dict = DICTIONARIES;
  protected readonly channels = REMINDER_CHANNELS;
  protected readonly saving = signal(false);
  protected readonly locating = signal(false);
  protected readonly locateFailed = signal(false);
  /** Files uploaded for this follow-up, attached when it is saved. */
  protected readonly files = signal<StagedFile[]>([]);
  private readonly attach = viewChild(FileAttach);
  protected readonly uploading = computed(() => this.attach()?.uploading() ?? false);

  protected readonly form = this.fb.group({
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

  constructor() {
    effect(() => {
      if (!this.open()) return;
      const followUp = this.followUp();
      untracked(() => this.reset(followUp));
    });
  }

  private reset(followUp: FollowUp | null): void {
    // an upload still running from a form closed before belongs to no follow-up
    this.attach()?.reset();
    if (followUp) {
      this.form.reset({
        methodCode: followUp.methodCode, content: followUp.content, result: followUp.result ?? '', at: new Date(followUp.at),
        contactId: followUp.contactId, nextChannels: ['InApp'],
      });
      this.files.set(followUp.attachments.map((a) => ({ fileId: a.fileId, fileName: a.fileName, size: a.size })));
    } else {
      const primary = this.contacts().find((c) => c.isPrimary);
      this.form.reset({ methodCode: 'phone', at: new Date(), contactId: primary?.id ?? null, nextChannels: ['InApp'] });
      this.files.set([]);
    }
    this.locateFailed.set(false);
  }

  /** The attach component's work; a failure (type, size) is shown here and stops the files after it. */
  protected readonly upload = (file: File): Promise<StagedFile | null> =>
    this.store.uploadFollowUpFile(file).catch((e: unknown) => {
      this.problems.show(e);
      return null;
    });

  /** Fills the check-in coordinates from the browser when the user allows it; otherwise they are typed in. */
  protected locate(): void {
    if (!('geolocation' in navigator)) {
      this.locateFailed.set(true);
      return;
    }
    this.locating.set(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        this.form.patchValue({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: Math.round(p.coords.accuracy) });
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
    const current = this.form.controls.nextChannels.value;
    this.form.controls.nextChannels.setValue(on ? [...current, channel] : current.filter((c) => c !== channel));
  }

  protected async save(): Promise<void> {
    const f = this.form;
    const v = f.getRawValue();
    f.controls.latitude.setValidators(v.checkIn ? [Validators.required, Validators.min(-90), Validators.max(90)] : []);
    f.controls.longitude.setValidators(v.checkIn ? [Validators.required, Validators.min(-180), Validators.max(180)] : []);
    f.controls.nextDueAt.setValidators(v.scheduleNext ? [Validators.required] : []);
    // Enter submits the form too: never save while a file is still on its way
    if (this.uploading() || !validateForm(f)) return;
    this.saving.set(true);
    try {
      const edited = this.followUp();
      const attachmentFileIds = this.files().map((file) => file.fileId);
      const saved = edited
        ? await this.store.updateFollowUp(edited.id, {
            methodCode: v.methodCode ?? edited.methodCode,
            content: v.content.trim(),
            result: v.result || null,
            at: v.at.toISOString(),
            contactId: v.contactId,
            concurrencyStamp: edited.concurrencyStamp,
            attachmentFileIds,
          })
        : await this.store.addFollowUp({
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
      this.message.success(this.language.instant('customers.followUps.saved'));
      this.saved.emit(saved);
    } catch (e) {
      this.reportFormErrors(f, e);
    } finally {
      this.saving.set(false);
    }
  }
}
