import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
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
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { RoleListStore } from '../data/role-list.store';
import { DATA_SCOPES, DataScope, Role } from '../model/identity';

@Component({
  selector: 'app-role-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    FieldErrors,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTagModule,
    NzPopconfirmModule,
    NzEmptyModule,
  ],
  template: `
    <app-field-errors #errors />
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'roles.title' | translate }}</h2>
          <span class="muted">{{ 'roles.subtitle' | translate }}</span>
        </div>
        @if (canManage()) {
          <button nz-button nzType="primary" (click)="openCreate()" data-test="role-create">
            <nz-icon nzType="plus" /> {{ 'roles.create' | translate }}
          </button>
        }
      </div>
      <nz-table #table [nzData]="store.items()" [nzLoading]="store.loading()" [nzShowPagination]="false" [nzNoResult]="empty" nzSize="middle" data-test="role-table">
        <thead>
          <tr>
            <th>{{ 'roles.name' | translate }}</th>
            <th>{{ 'roles.dataScope' | translate }}</th>
            <th nzWidth="100px">{{ 'roles.userCount' | translate }}</th>
            <th nzWidth="180px">{{ 'common.actions' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (role of table.data; track role.id) {
            <tr [attr.data-test]="'role-row-' + role.name">
              <td>
                <a [routerLink]="[role.id]">{{ role.name }}</a>
                @if (role.isAdministrator) {
                  <nz-tag nzColor="gold" style="margin-left: 8px">{{ 'roles.administrator' | translate }}</nz-tag>
                } @else if (role.isStatic) {
                  <nz-tag style="margin-left: 8px">{{ 'roles.static' | translate }}</nz-tag>
                }
              </td>
              <td>{{ 'roles.scope.' + role.dataScope | translate }}</td>
              <td>{{ role.userCount }}</td>
              <td class="table-actions">
                <a [routerLink]="[role.id]">{{ (canManage() ? 'common.edit' : 'common.view') | translate }}</a>
                @if (canManage() && !role.isStatic) {
                  <a nz-popconfirm [nzPopconfirmTitle]="'common.deleteConfirm' | translate" (nzOnConfirm)="remove(role)">{{ 'common.delete' | translate }}</a>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty><nz-empty [nzNotFoundContent]="(store.failed() ? 'common.loadFailed' : 'roles.empty') | translate" /></ng-template>
    </div>

    <nz-modal
      [nzVisible]="creating()"
      [nzTitle]="'roles.create' | translate"
      [nzOkText]="'common.create' | translate"
      [nzCancelText]="'common.cancel' | translate"
      [nzOkLoading]="saving()"
      (nzOnOk)="create()"
      (nzOnCancel)="creating.set(false)"
    >
      <form *nzModalContent nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="create()">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="r-name">{{ 'roles.name' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()">
            <input nz-input id="r-name" formControlName="name" data-test="role-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'roles.dataScope' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()">
            <nz-select formControlName="dataScope" data-test="role-scope">
              @for (s of scopes; track s) {
                <nz-option [nzValue]="s" [nzLabel]="'roles.scope.' + s | translate" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <button type="submit" hidden></button>
      </form>
    </nz-modal>
  `,
  providers: [RoleListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleListPage implements OnInit {
  protected readonly store = inject(RoleListStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly reportFormErrors = injectFormErrorReporter();

  protected readonly scopes = DATA_SCOPES;
  protected readonly canManage = computed(() => this.permissions.has('Identity.Roles.Manage'));
  protected readonly creating = signal(false);
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    dataScope: ['Self' as DataScope, Validators.required],
  });

  ngOnInit(): void {
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected openCreate(): void {
    this.form.reset();
    this.creating.set(true);
  }

  /** Creates the role, then opens it to choose its permissions. */
  protected async create(): Promise<void> {
    if (!validateForm(this.form)) return;
    this.saving.set(true);
    try {
      const id = await this.store.create({ ...this.form.getRawValue(), permissions: [] });
      this.message.success(this.language.instant('roles.created'));
      this.creating.set(false);
      if (id) await this.router.navigate(['/admin/roles', id]);
    } catch (e) {
      this.reportFormErrors(this.form, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(role: Role): Promise<void> {
    try {
      await this.store.remove(role);
      this.message.success(this.language.instant('roles.deleted'));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
