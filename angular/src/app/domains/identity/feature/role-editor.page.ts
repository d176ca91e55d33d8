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
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { RoleEditorStore } from '../data/role-editor.store';
import { DATA_SCOPES, DataScope } from '../model/identity';
import { PermissionTree } from '../ui/permission-tree';

/** A role: name and data scope, and its permissions as a tree with group checkboxes. */
@Component({
  selector: 'app-role-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    FieldErrors,
    PermissionTree,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzButtonModule,
    NzIconModule,
    NzSkeletonModule,
    NzResultModule,
    NzAlertModule,
  ],
  template: `
    <app-field-errors #errors />
    <div class="page-card">
      <div class="page-head">
        <h2 class="page-title" data-test="page-title">{{ store.role()?.name ?? ('roles.detail' | translate) }}</h2>
        <a nz-button routerLink="/admin/roles"><nz-icon nzType="arrow-left" /> {{ 'common.back' | translate }}</a>
      </div>
      @if (conflict()) {
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="'errors.concurrency_conflict' | translate" [nzAction]="reloadAction" class="conflict" />
        <ng-template #reloadAction><button nz-button nzSize="small" (click)="reload()">{{ 'common.reload' | translate }}</button></ng-template>
      }
      @if (store.loading() && !store.role()) {
        <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 10 }" />
      } @else if (store.failed()) {
        <nz-result nzStatus="404" [nzTitle]="'errors.not_found' | translate" />
      } @else if (store.role(); as role) {
        <form nz-form nzLayout="inline" [formGroup]="form" (ngSubmit)="saveRole()" data-test="role-form">
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'roles.name' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errors.template()">
              <input nz-input formControlName="name" style="width: 200px" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'roles.dataScope' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errors.template()">
              <nz-select formControlName="dataScope" style="width: 240px" data-test="role-scope">
                @for (s of scopes; track s) {
                  <nz-option [nzValue]="s" [nzLabel]="'roles.scope.' + s | translate" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          @if (canManage()) {
            <nz-form-item>
              <button nz-button type="submit" [nzLoading]="savingRole()" data-test="role-save">{{ 'common.save' | translate }}</button>
            </nz-form-item>
          }
        </form>

        <div class="page-head permissions-head">
          <div>
            <h3 class="section-title">{{ 'roles.permissions' | translate }}</h3>
            <span class="muted">{{ (role.isAdministrator ? 'roles.administratorHint' : 'roles.permissionsHint') | translate }}</span>
          </div>
          @if (canManage() && !role.isAdministrator) {
            <button nz-button nzType="primary" [disabled]="!store.dirty()" [nzLoading]="savingPermissions()" (click)="savePermissions()" data-test="permissions-save">
              {{ 'roles.savePermissions' | translate }}
            </button>
          }
        </div>
        <app-permission-tree
          [groups]="store.groups()"
          [granted]="store.grantedSet()"
          [zh]="language.current() === 'zh-CN'"
          [disabled]="!canManage() || role.isAdministrator"
          (toggled)="store.toggle($event.name, $event.on)"
          (groupToggled)="store.toggleGroup($event.group, $event.on)"
        />
      }
    </div>
  `,
  styles: `.permissions-head { margin-top: 8px; }`,
  providers: [RoleEditorStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleEditorPage {
  protected readonly store = inject(RoleEditorStore);
  protected readonly language = inject(LanguageService);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  readonly id = input.required<string>();

  protected readonly scopes = DATA_SCOPES;
  protected readonly canManage = computed(() => this.permissions.has('Identity.Roles.Manage'));
  protected readonly savingRole = signal(false);
  protected readonly savingPermissions = signal(false);
  protected readonly conflict = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    dataScope: ['Self' as DataScope, Validators.required],
  });

  constructor() {
    effect(() => void this.reload(this.id()));
  }

  protected async reload(id = this.id()): Promise<void> {
    this.conflict.set(false);
    try {
      await this.store.load(id);
      const role = this.store.role();
      if (role) this.form.reset({ name: role.name, dataScope: role.dataScope });
      if (!this.canManage()) this.form.disable();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async saveRole(): Promise<void> {
    if (!validateForm(this.form)) return;
    this.savingRole.set(true);
    try {
      const v = this.form.getRawValue();
      await this.store.saveRole(v.name, v.dataScope);
      this.message.success(this.language.instant('common.saved'));
    } catch (e) {
      if (toProblem(e).code === 'concurrency_conflict') this.conflict.set(true);
      else this.reportFormErrors(this.form, e);
    } finally {
      this.savingRole.set(false);
    }
  }

  protected async savePermissions(): Promise<void> {
    this.savingPermissions.set(true);
    try {
      await this.store.savePermissions();
      this.message.success(this.language.instant('roles.permissionsSaved'));
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.savingPermissions.set(false);
    }
  }
}
