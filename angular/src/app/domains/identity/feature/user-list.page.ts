import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { ListTotalPipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { UserListStore } from '../data/user-list.store';
import { User, UserStatusFilter } from '../model/identity';
import { UserStateTag } from '../ui/user-state-tag';

/** Users of the tenant: filters, create, lock/unlock, reset password, delete. */
@Component({
  selector: 'app-user-list-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    ListTotalPipe,
    FieldErrors,
    UserStateTag,
    NzTableModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzIconModule,
    NzModalModule,
    NzFormModule,
    NzPopconfirmModule,
    NzTagModule,
    NzSwitchModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './user-list.page.html',
  providers: [UserListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListPage implements OnInit {
  protected readonly store = inject(UserListStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.permissions.has('Identity.Users.Manage'));
  protected readonly statuses: UserStatusFilter[] = ['all', 'active', 'inactive'];
  protected readonly searchText = signal('');
  protected readonly dialog = signal<'create' | 'password' | null>(null);
  protected readonly selected = signal<User | null>(null);
  protected readonly saving = signal(false);

  protected readonly createForm = this.fb.group({
    userName: ['', [Validators.required, Validators.maxLength(64)]],
    name: ['', [Validators.required, Validators.maxLength(64)]],
    email: ['', [Validators.email, Validators.maxLength(256)]],
    phoneNumber: ['', [Validators.maxLength(32)]],
    password: ['', [Validators.required, Validators.maxLength(128)]],
    isActive: [true],
    roleIds: [[] as string[]],
    departmentIds: [[] as string[]],
  });
  protected readonly passwordForm = this.fb.group({ newPassword: ['', [Validators.required, Validators.maxLength(128)]] });

  ngOnInit(): void {
    this.store.loadOptions().catch(() => undefined);
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected apply(change: Parameters<typeof this.store.applyFilter>[0]): void {
    this.store.applyFilter(change).catch((e: unknown) => this.problems.show(e));
  }

  protected changePage(page: number, pageSize: number): void {
    this.store.changePage(page, pageSize).catch((e: unknown) => this.problems.show(e));
  }

  protected openCreate(): void {
    this.createForm.reset();
    this.dialog.set('create');
  }

  protected openPassword(user: User): void {
    this.selected.set(user);
    this.passwordForm.reset();
    this.dialog.set('password');
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected async create(): Promise<void> {
    if (!validateForm(this.createForm)) return;
    const v = this.createForm.getRawValue();
    this.saving.set(true);
    try {
      await this.store.create({ ...v, email: v.email || null, phoneNumber: v.phoneNumber || null });
      this.message.success(this.language.instant('users.created'));
      this.close();
    } catch (e) {
      this.reportFormErrors(this.createForm, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async resetPassword(): Promise<void> {
    const user = this.selected();
    if (!user || !validateForm(this.passwordForm)) return;
    this.saving.set(true);
    try {
      await this.store.resetPassword(user, this.passwordForm.getRawValue().newPassword);
      this.message.success(this.language.instant('users.passwordReset'));
      this.close();
    } catch (e) {
      this.reportFormErrors(this.passwordForm, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async act(action: 'lock' | 'unlock' | 'remove', user: User): Promise<void> {
    try {
      await this.store[action](user);
      this.message.success(this.language.instant(action === 'lock' ? 'users.locked' : action === 'unlock' ? 'users.unlocked' : 'users.deleted'));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
