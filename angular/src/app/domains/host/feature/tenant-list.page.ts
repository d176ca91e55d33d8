import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { validateForm } from '../../../shared/util/form-errors';
import { TenantListStore } from '../data/tenant-list.store';
import { Tenant, TenantStatusFilter } from '../model/tenant';
import { TenantStatusTag } from '../ui/tenant-status-tag';

type Dialog = 'create' | 'edit' | 'suspend' | 'delete' | null;

/** SaaS operator console: the tenants, with create, rename, suspend/resume and delete. */
@Component({
  selector: 'app-tenant-list-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    ListTotalPipe,
    TenantStatusTag,
    NzTableModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzIconModule,
    NzModalModule,
    NzFormModule,
    NzPopconfirmModule,
    NzAlertModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './tenant-list.page.html',
  providers: [TenantListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenantListPage implements OnInit {
  protected readonly store = inject(TenantListStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.permissions.has('Host.Tenants.Manage'));
  protected readonly searchText = signal('');
  protected readonly dialog = signal<Dialog>(null);
  protected readonly selected = signal<Tenant | null>(null);
  protected readonly saving = signal(false);
  protected readonly statuses: TenantStatusFilter[] = ['all', 'active', 'suspended'];

  protected readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(63), Validators.pattern(/^[a-z0-9][a-z0-9-]{1,62}$/)]],
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
    adminUserName: ['admin', [Validators.required, Validators.maxLength(64)]],
    adminPassword: ['', [Validators.required, Validators.maxLength(128)]],
    adminEmail: ['', [Validators.email, Validators.maxLength(256)]],
    editionId: [null as string | null],
  });
  protected readonly editForm = this.fb.group({ displayName: ['', [Validators.required, Validators.maxLength(128)]] });
  protected readonly suspendForm = this.fb.group({ reason: ['', [Validators.required, Validators.maxLength(500)]] });
  protected readonly confirmName = signal('');

  protected readonly editionNames = computed(() => new Map(this.store.editions().map((e) => [e.id, e.name])));

  ngOnInit(): void {
    this.reload();
    void this.store.loadEditions();
  }

  protected reload(): void {
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected search(): void {
    this.store.search(this.searchText()).catch((e: unknown) => this.problems.show(e));
  }

  protected filterStatus(status: TenantStatusFilter): void {
    this.store.filterStatus(status).catch((e: unknown) => this.problems.show(e));
  }

  protected changePage(page: number, pageSize: number): void {
    this.store.changePage(page, pageSize).catch((e: unknown) => this.problems.show(e));
  }

  protected open(dialog: Exclude<Dialog, null>, tenant: Tenant | null = null): void {
    this.selected.set(tenant);
    if (dialog === 'create') this.createForm.reset();
    if (dialog === 'edit' && tenant) this.editForm.reset({ displayName: tenant.displayName });
    if (dialog === 'suspend') this.suspendForm.reset();
    if (dialog === 'delete') this.confirmName.set('');
    this.dialog.set(dialog);
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected async create(): Promise<void> {
    if (!validateForm(this.createForm)) return;
    const value = this.createForm.getRawValue();
    await this.run(this.createForm, () => this.store.create({ ...value, adminEmail: value.adminEmail || null }), 'tenants.created');
  }

  protected async rename(): Promise<void> {
    const tenant = this.selected();
    if (!tenant || !validateForm(this.editForm)) return;
    await this.run(this.editForm, () => this.store.rename(tenant, this.editForm.getRawValue().displayName), 'common.saved');
  }

  protected async suspend(): Promise<void> {
    const tenant = this.selected();
    if (!tenant || !validateForm(this.suspendForm)) return;
    await this.run(this.suspendForm, () => this.store.suspend(tenant, this.suspendForm.getRawValue().reason), 'tenants.suspended');
  }

  protected async resume(tenant: Tenant): Promise<void> {
    try {
      await this.store.resume(tenant);
      this.message.success(this.language.instant('tenants.resumed'));
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async remove(): Promise<void> {
    const tenant = this.selected();
    if (!tenant || this.confirmName() !== tenant.name) return;
    this.saving.set(true);
    try {
      await this.store.remove(tenant, this.confirmName());
      this.message.success(this.language.instant('tenants.deleted'));
      this.close();
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.saving.set(false);
    }
  }

  private async run(form: Parameters<typeof this.reportFormErrors>[0], action: () => Promise<void>, done: string): Promise<void> {
    this.saving.set(true);
    try {
      await action();
      this.message.success(this.language.instant(done));
      this.close();
    } catch (e) {
      this.reportFormErrors(form, e);
    } finally {
      this.saving.set(false);
    }
  }
}
