import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LocalNumberPipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { EditionStore } from '../data/edition.store';
import { Edition, limitValue } from '../model/edition';

/** Editions: name, user and customer limits (enforced by the API), enabled modules. */
@Component({
  selector: 'app-edition-list-page',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    LocalNumberPipe,
    FieldErrors,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
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
          <h2 class="page-title" data-test="page-title">{{ 'editions.title' | translate }}</h2>
          <span class="muted">{{ 'editions.subtitle' | translate }}</span>
        </div>
        @if (canManage()) {
          <button nz-button nzType="primary" (click)="open(null)" data-test="edition-create"><nz-icon nzType="plus" /> {{ 'editions.create' | translate }}</button>
        }
      </div>
      <nz-table #table [nzData]="store.items()" [nzLoading]="store.loading()" [nzShowPagination]="false" [nzNoResult]="empty" nzSize="middle" data-test="edition-table">
        <thead>
          <tr>
            <th>{{ 'editions.name' | translate }}</th>
            <th nzWidth="140px">{{ 'editions.maxUsers' | translate }}</th>
            <th nzWidth="140px">{{ 'editions.maxCustomers' | translate }}</th>
            <th>{{ 'editions.modules' | translate }}</th>
            <th nzWidth="100px">{{ 'editions.tenantCount' | translate }}</th>
            <th nzWidth="140px">{{ 'common.actions' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of table.data; track e.id) {
            <tr [attr.data-test]="'edition-row-' + e.name">
              <td>{{ e.name }}</td>
              <td>{{ limit(e.maxUsers) === null ? ('editions.unlimited' | translate) : (e.maxUsers | localNumber) }}</td>
              <td>{{ limit(e.maxCustomers) === null ? ('editions.unlimited' | translate) : (e.maxCustomers | localNumber) }}</td>
              <td>
                @for (m of e.enabledModules; track m) {
                  <nz-tag>{{ moduleLabel(m) }}</nz-tag>
                } @empty {
                  <span class="muted">{{ 'editions.platformOnly' | translate }}</span>
                }
              </td>
              <td>{{ e.tenantCount }}</td>
              <td class="table-actions">
                @if (canManage()) {
                  <a (click)="open(e)">{{ 'common.edit' | translate }}</a>
                  <a nz-popconfirm [nzPopconfirmTitle]="'common.deleteConfirm' | translate" (nzOnConfirm)="remove(e)">{{ 'common.delete' | translate }}</a>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty><nz-empty [nzNotFoundContent]="(store.failed() ? 'common.loadFailed' : 'editions.empty') | translate" /></ng-template>
    </div>

    <nz-modal
      [nzVisible]="editing() !== undefined"
      [nzTitle]="(editing() ? 'editions.edit' : 'editions.create') | translate"
      [nzOkText]="'common.save' | translate"
      [nzCancelText]="'common.cancel' | translate"
      [nzOkLoading]="saving()"
      (nzOnOk)="save()"
      (nzOnCancel)="editing.set(undefined)"
    >
      <form *nzModalContent nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="save()">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ed-name">{{ 'editions.name' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()">
            <input nz-input id="ed-name" formControlName="name" data-test="edition-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'editions.maxUsers' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()" [nzExtra]="'editions.blankUnlimited' | translate">
            <nz-input-number formControlName="maxUsers" [nzMin]="1" [nzStep]="1" style="width: 100%" data-test="edition-max-users" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'editions.maxCustomers' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()" [nzExtra]="'editions.blankUnlimited' | translate">
            <nz-input-number formControlName="maxCustomers" [nzMin]="1" [nzStep]="1" style="width: 100%" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'editions.modules' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errors.template()">
            <nz-select nzMode="multiple" formControlName="enabledModules" [nzNotFoundContent]="'editions.noModules' | translate">
              @for (m of store.modules(); track m) {
                <nz-option [nzValue]="m" [nzLabel]="moduleLabel(m)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <button type="submit" hidden></button>
      </form>
    </nz-modal>
  `,
  providers: [EditionStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditionListPage implements OnInit {
  protected readonly store = inject(EditionStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  private readonly reportFormErrors = injectFormErrorReporter();

  protected readonly canManage = computed(() => this.permissions.has('Host.Editions.Manage'));
  /** undefined: closed; null: creating; an edition: editing it */
  protected readonly editing = signal<Edition | null | undefined>(undefined);
  protected readonly saving = signal(false);
  protected readonly limit = limitValue;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    maxUsers: [null as number | null],
    maxCustomers: [null as number | null],
    enabledModules: [[] as string[]],
  });

  ngOnInit(): void {
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected moduleLabel(name: string): string {
    this.language.current();
    const key = `modules.${name}`;
    const text = this.translate.instant(key) as string;
    return text === key ? name : text;
  }

  protected open(edition: Edition | null): void {
    this.form.reset({
      name: edition?.name ?? '',
      maxUsers: limitValue(edition?.maxUsers),
      maxCustomers: limitValue(edition?.maxCustomers),
      enabledModules: edition?.enabledModules ?? [],
    });
    this.editing.set(edition);
  }

  protected async save(): Promise<void> {
    if (!validateForm(this.form)) return;
    const v = this.form.getRawValue();
    this.saving.set(true);
    try {
      await this.store.save(this.editing() ?? null, { name: v.name.trim(), maxUsers: v.maxUsers, maxCustomers: v.maxCustomers, enabledModules: v.enabledModules });
      this.message.success(this.language.instant('common.saved'));
      this.editing.set(undefined);
    } catch (e) {
      if (toProblem(e).code === 'concurrency_conflict') {
        this.problems.show(e);
        this.editing.set(undefined);
        await this.store.load().catch(() => undefined);
      } else this.reportFormErrors(this.form, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(edition: Edition): Promise<void> {
    try {
      await this.store.remove(edition);
      this.message.success(this.language.instant('editions.deleted'));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
