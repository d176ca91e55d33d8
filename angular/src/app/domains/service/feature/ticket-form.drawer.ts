import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { toProblem } from '../../../core/http/problem';
import { TicketsService } from '../../../shared/api/generated';
import type { ContactDto, NamedRef, TicketDto } from '../../../shared/api/generated';
import { DictionaryItemCache } from '../../../shared/ui/custom-field-support';
import { ServiceLookups } from '../data/service-lookups';
import { TICKET_DICTIONARIES } from '../model/ticket';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { FileAttach, StagedFile } from '../../../shared/ui/file-attach';

/** New ticket: customer (searched by name), contact, category, priority, title, description and attachments. */
@Component({
  selector: 'app-ticket-form-drawer',
  imports: [ReactiveFormsModule, TranslatePipe, DictionarySelect, FileAttach, NzDrawerModule, NzFormModule, NzInputModule, NzSelectModule, NzButtonModule],
  template: `
    <nz-drawer [nzVisible]="open()" [nzWidth]="620" [nzTitle]="'service.tickets.create' | translate" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="ticket-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="t-customer">{{ 'service.tickets.customer' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
              <nz-select
                nzId="t-customer"
                formControlName="customerId"
                nzShowSearch
                nzServerSearch
                nzAllowClear
                [nzPlaceHolder]="'service.common.searchCustomer' | translate"
                (nzOnSearch)="searchCustomers($event)"
                (nzOpenChange)="$event && customers().length === 0 && searchCustomers('')"
                data-test="ticket-customer"
              >
                @for (c of customers(); track c.id) {
                  <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="t-contact">{{ 'service.tickets.contact' | translate }}</nz-form-label>
            <nz-form-control>
              <nz-select nzId="t-contact" formControlName="contactId" nzAllowClear [nzPlaceHolder]="'service.tickets.contactPlaceholder' | translate" data-test="ticket-contact">
                @for (c of contacts(); track c.id) {
                  <nz-option [nzValue]="c.id" [nzLabel]="c.name + (c.mobile ? ' · ' + c.mobile : '')" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'service.tickets.category' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
                <app-dictionary-select [type]="dict.category" formControlName="categoryCode" data-test="ticket-category" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'service.tickets.priority' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
                <app-dictionary-select [type]="dict.priority" formControlName="priorityCode" data-test="ticket-priority" />
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="t-title">{{ 'service.tickets.title' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'service.validation.title' | translate">
              <input nz-input id="t-title" formControlName="title" maxlength="200" data-test="ticket-title" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="t-description">{{ 'service.tickets.description' | translate }}</nz-form-label>
            <nz-form-control>
              <textarea nz-input id="t-description" formControlName="description" rows="5" data-test="ticket-description"></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'service.tickets.attachments' | translate }}</nz-form-label>
            <nz-form-control>
              <app-file-attach testId="ticket" [upload]="uploadFile" [(files)]="files" />
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button (click)="closed.emit()">{{ 'service.common.cancel' | translate }}</button>
          <button nz-button nzType="primary" [nzLoading]="saving()" [disabled]="uploading()" (click)="save()" data-test="ticket-save">{{ 'service.common.save' | translate }}</button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
    .footer { display: flex; justify-content: flex-end; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketFormDrawer {
  private readonly api = inject(TicketsService);
  private readonly lookups = inject(ServiceLookups);
  private readonly problems = inject(ProblemMessageService);
  private readonly dictionaries = inject(DictionaryItemCache);

  readonly open = input(false);
  /** a customer to start with (e.g. from the customer's page) */
  readonly customer = input<NamedRef | null>(null);
  readonly closed = output<void>();
  readonly saved = output<TicketDto>();

  protected readonly dict = TICKET_DICTIONARIES;
  protected readonly customers = signal<NamedRef[]>([]);
  protected readonly contacts = signal<ContactDto[]>([]);
  protected readonly files = signal<StagedFile[]>([]);
  protected readonly saving = signal(false);
  private readonly attach = viewChild(FileAttach);
  /** Saving waits for the files still uploading, or the ticket would be created without them. */
  protected readonly uploading = computed(() => this.attach()?.uploading() ?? false);

  protected readonly form = new FormGroup({
    customerId: new FormControl<string | null>(null, Validators.required),
    contactId: new FormControl<string | null>(null),
    categoryCode: new FormControl<string | null>(null, Validators.required),
    priorityCode: new FormControl<string | null>(null, Validators.required),
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    description: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      if (!this.open()) return;
      const customer = this.customer();
      untracked(() => {
        this.form.reset({ customerId: customer?.id ?? null, contactId: null, categoryCode: null, priorityCode: null, title: '', description: '' });
        void this.applyDefaults();
        this.files.set([]);
        this.customers.set(customer ? [customer] : []);
      });
    });
    this.form.controls.customerId.valueChanges.subscribe((id) => {
      this.form.controls.contactId.setValue(null);
      this.contacts.set([]);
      if (id) this.lookups.contactsOf(id).then((c) => this.contacts.set(c), () => undefined);
    });
  }

  /** The tenant's default category and priority (dictionary items marked as default). */
  private async applyDefaults(): Promise<void> {
    for (const [control, type] of [
      [this.form.controls.categoryCode, this.dict.category],
      [this.form.controls.priorityCode, this.dict.priority],
    ] as const) {
      await this.dictionaries.load(type);
      const item = this.dictionaries.itemsOf(type).find((i) => i.isDefault && i.isEnabled);
      if (item && !control.value) control.setValue(item.code);
    }
  }

  protected async searchCustomers(text: string): Promise<void> {
    this.customers.set(await this.lookups.searchCustomers(text).catch(() => []));
  }

  /** Uploads a file to attach when the ticket is created; a failure is shown here and stops the attach component. */
  protected readonly uploadFile = (file: File): Promise<StagedFile | null> =>
    this.api.apiTicketsAttachmentsPost({ body: { file } }).catch((error: unknown) => {
      this.problems.show(error);
      return null;
    });

  protected async save(): Promise<void> {
    if (this.uploading()) return;
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity();
      });
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    try {
      const ticket = await this.api.apiTicketsPost({
        body: {
          customerId: v.customerId!,
          contactId: v.contactId,
          categoryCode: v.categoryCode!,
          priorityCode: v.priorityCode!,
          title: v.title.trim(),
          description: v.description.trim() || null,
          attachmentFileIds: this.files().map((f) => f.fileId),
        },
      });
      this.saved.emit(ticket);
    } catch (error) {
      const problem = toProblem(error);
      const field = Object.keys(problem.errors ?? {})[0];
      const control = field ? this.form.get(field.charAt(0).toLowerCase() + field.slice(1)) : null;
      if (control) control.setErrors({ server: true });
      this.problems.show(error);
    } finally {
      this.saving.set(false);
    }
  }
}
