import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { UserDetailStore } from '../data/user-detail.store';
import { UserStateTag } from '../ui/user-state-tag';

/** One user: profile, roles and departments; lock/unlock and password reset. Reached by deep link /admin/users/:id. */
@Component({
  selector: 'app-user-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    FieldErrors,
    UserStateTag,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzSwitchModule,
    NzButtonModule,
    NzIconModule,
    NzSkeletonModule,
    NzResultModule,
    NzAlertModule,
    NzPopconfirmModule,
  ],
  templateUrl: './user-detail.page.html',
  providers: [UserDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetailPage {
  protected readonly store = inject(UserDetailStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);
  readonly id = input.required<string>();

  protected readonly canManage = computed(() => this.permissions.has('Identity.Users.Manage'));
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    email: ['', [Validators.email, Validators.maxLength(256)]],
    phoneNumber: ['', [Validators.maxLength(32)]],
    isActive: [true],
    roleIds: [[] as string[]],
    departmentIds: [[] as string[]],
  });
  protected readonly passwordForm = this.fb.group({ newPassword: ['', [Validators.required, Validators.maxLength(128)]] });

  constructor() {
    effect(() => void this.reload(this.id()));
  }

  protected async reload(id = this.id()): Promise<void> {
    this.conflict.set(false);
    try {
      await this.store.load(id);
      const user = this.store.user();
      if (user) {
        this.form.reset({
          name: user.name,
          email: user.email ?? '',
          phoneNumber: user.phoneNumber ?? '',
          isActive: user.isActive,
          roleIds: user.roles.map((r) => r.id),
          departmentIds: user.departments.map((d) => d.id),
        });
        if (!this.canManage()) this.form.disable();
      }
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async save(): Promise<void> {
    if (!validateForm(this.form)) return;
    const v = this.form.getRawValue();
    this.saving.set(true);
    try {
      await this.store.save({ ...v, email: v.email || null, phoneNumber: v.phoneNumber || null });
      this.form.markAsPristine();
      this.message.success(this.language.instant('common.saved'));
    } catch (e) {
      if (toProblem(e).code === 'concurrency_conflict') this.conflict.set(true);
      else this.reportFormErrors(this.form, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async lock(on: boolean): Promise<void> {
    try {
      await (on ? this.store.lock() : this.store.unlock());
      this.message.success(this.language.instant(on ? 'users.locked' : 'users.unlocked'));
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async resetPassword(): Promise<void> {
    if (!validateForm(this.passwordForm)) return;
    try {
      await this.store.resetPassword(this.passwordForm.getRawValue().newPassword);
      this.passwordForm.reset();
      this.message.success(this.language.instant('users.passwordReset'));
    } catch (e) {
      this.reportFormErrors(this.passwordForm, e);
    }
  }
}
