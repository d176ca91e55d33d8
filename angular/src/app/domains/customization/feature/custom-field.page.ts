import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormsModule,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { startWith } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { CustomFieldsForm } from '../../../shared/ui/custom-fields-form';
import { CustomFieldValues } from '../../../shared/ui/custom-field-support';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { applyServerErrors, validateForm } from '../../../shared/util/form-errors';
import { CustomFieldStore } from '../data/custom-field.store';
import {
  CustomField,
  DictionaryType,
  FIELD_TYPES,
  FieldType,
  localized,
  usesDictionary,
} from '../model/customization';

/** Custom fields per record type: a tab per type, its fields (drag to reorder) and a live preview of the record form. */
@Component({
  selector: 'app-custom-field-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    CustomFieldsForm,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    NzGridModule,
    NzCardModule,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzSwitchModule,
    NzSelectModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzPopconfirmModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './custom-field.page.html',
  styles: `
    th {
      white-space: nowrap;
    }
    .drag-handle {
      cursor: move;
      color: rgba(0, 0, 0, 0.45);
    }
    tr.field-hidden td {
      color: rgba(0, 0, 0, 0.35);
    }
    .cdk-drag-preview {
      display: table;
      background: #fff;
      box-shadow: 0 4px 12px rgba(0, 0, 0, 0.15);
    }
    .cdk-drag-placeholder {
      opacity: 0.3;
    }
    .preview-actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .preview-value {
      margin-top: 12px;
      font-size: 12px;
      white-space: pre-wrap;
      word-break: break-all;
    }
  `,
  providers: [CustomFieldStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomFieldPage implements OnInit {
  protected readonly store = inject(CustomFieldStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly preview = viewChild(CustomFieldsForm);

  protected readonly fieldTypes = FIELD_TYPES;
  protected readonly canManage = computed(() => this.permissions.has('CustomFields.Manage'));
  protected readonly dialogOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly editing = signal<CustomField | null>(null);
  protected readonly previewValue = signal<CustomFieldValues>({});
  protected readonly tabIndex = computed(() =>
    Math.max(
      0,
      this.store.entityTypes().findIndex((t) => t.name === this.store.entityType()),
    ),
  );

  protected readonly fieldForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(50)]],
    labelZh: ['', [Validators.required, Validators.maxLength(128)]],
    labelEn: ['', [Validators.required, Validators.maxLength(128)]],
    fieldType: this.fb.control<FieldType>('Text', Validators.required),
    precision: this.fb.control<number | null>(null),
    dictionaryTypeCode: this.fb.control<string | null>(null),
    isRequired: [false],
    helpZh: ['', Validators.maxLength(256)],
    helpEn: ['', Validators.maxLength(256)],
  });
  protected readonly selectedType = toSignal(
    this.fieldForm.controls.fieldType.valueChanges.pipe(
      startWith(this.fieldForm.controls.fieldType.value),
    ),
    {
      initialValue: 'Text' as FieldType,
    },
  );

  ngOnInit(): void {
    this.store.init().catch((e: unknown) => this.problems.show(e));
  }

  protected lang(): string {
    return this.language.current();
  }

  protected text(en: string | null | undefined, zh: string | null | undefined): string {
    return localized(this.language.current(), en, zh);
  }

  protected dictionaryName(code: string | null): string {
    const type = this.store.dictionaryTypes().find((t) => t.code === code);
    return type ? this.text(type.nameEn, type.nameZh) : (code ?? '');
  }

  protected dictionaryLabel(type: DictionaryType): string {
    return this.text(type.nameEn, type.nameZh);
  }

  protected usesDictionary(type: FieldType | null | undefined): boolean {
    return !!type && usesDictionary(type);
  }

  protected selectTab(index: number): void {
    const type = this.store.entityTypes()[index];
    if (!type || type.name === this.store.entityType()) return;
    this.previewValue.set({});
    this.store.selectEntityType(type.name).catch((e: unknown) => this.problems.show(e));
  }

  protected open(field: CustomField | null): void {
    this.editing.set(field);
    this.fieldForm.reset({
      name: field?.name ?? '',
      labelZh: field?.labelZh ?? '',
      labelEn: field?.labelEn ?? '',
      fieldType: field?.fieldType ?? 'Text',
      precision:
        field?.precision === null || field?.precision === undefined
          ? null
          : Number(field.precision),
      dictionaryTypeCode: field?.dictionaryTypeCode ?? null,
      isRequired: field?.isRequired ?? false,
      helpZh: field?.helpZh ?? '',
      helpEn: field?.helpEn ?? '',
    });
    if (field) this.fieldForm.controls.name.disable();
    else this.fieldForm.controls.name.enable();
    this.dialogOpen.set(true);
  }

  protected close(): void {
    this.dialogOpen.set(false);
  }

  protected async save(): Promise<void> {
    const dictionary = this.fieldForm.controls.dictionaryTypeCode;
    dictionary.setValidators(
      usesDictionary(this.fieldForm.controls.fieldType.value) ? Validators.required : null,
    );
    dictionary.updateValueAndValidity();
    if (!validateForm(this.fieldForm)) return;
    const v = this.fieldForm.getRawValue();
    const body = {
      name: v.name.trim(),
      labelZh: v.labelZh.trim(),
      labelEn: v.labelEn.trim(),
      fieldType: v.fieldType,
      precision: v.fieldType === 'Number' ? v.precision : null,
      dictionaryTypeCode: usesDictionary(v.fieldType) ? v.dictionaryTypeCode : null,
      isRequired: v.isRequired,
      helpZh: v.helpZh.trim() || null,
      helpEn: v.helpEn.trim() || null,
    };
    const editing = this.editing();
    this.saving.set(true);
    try {
      if (editing) await this.store.update(editing, body);
      else await this.store.create({ ...body, isHidden: false, defaultValue: null });
      this.message.success(this.language.instant('common.saved'));
      this.close();
    } catch (e) {
      const code = toProblem(e).code;
      if (code === 'concurrency_conflict') {
        this.problems.show(e);
        await this.store.loadFields().catch(() => undefined);
      } else if (code === 'custom_field.name_taken') {
        applyServerErrors(this.fieldForm, { name: this.problems.text(e) });
      } else if (code === 'custom_field.in_use' && editing) {
        this.close();
        this.offerHide(editing);
      } else this.reportFormErrors(this.fieldForm, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected setHidden(field: CustomField, hidden: boolean): Promise<void> {
    return this.run(
      () => this.store.setHidden(field, hidden),
      hidden ? 'customFields.hiddenDone' : 'customFields.shownDone',
    );
  }

  protected drop(event: CdkDragDrop<CustomField[]>): Promise<void> {
    return this.run(
      () => this.store.reorder(event.previousIndex, event.currentIndex),
      'customFields.reordered',
    );
  }

  protected async remove(field: CustomField): Promise<void> {
    try {
      await this.store.remove(field);
      this.message.success(this.language.instant('customFields.deleted'));
    } catch (e) {
      if (toProblem(e).code === 'custom_field.in_use' && !field.isHidden) this.offerHide(field);
      else this.problems.show(e);
    }
  }

  /** Checks the preview form as a record form would before saving. */
  protected checkPreview(): void {
    const form = this.preview()?.form;
    if (!form) return;
    form.markAllAsTouched();
    for (const control of Object.values(form.controls)) {
      control.markAsDirty();
      control.updateValueAndValidity();
    }
    if (form.valid) this.message.success(this.language.instant('customFields.previewValid'));
  }

  protected previewJson(): string {
    return JSON.stringify(this.previewValue());
  }

  /** A field whose values exist cannot be retyped or deleted: offer to hide it instead. */
  private offerHide(field: CustomField): void {
    this.modal.confirm({
      nzTitle: this.language.instant('customFields.inUseTitle'),
      nzContent: this.language.instant('customFields.inUseHide'),
      nzOkText: this.language.instant('customFields.hide'),
      nzCancelText: this.language.instant('common.cancel'),
      nzOnOk: () => this.setHidden(field, true),
    });
  }

  private async run(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action();
      this.message.success(this.language.instant(done));
    } catch (e) {
      const problem = this.problems.show(e);
      if (problem.code === 'concurrency_conflict')
        await this.store.loadFields().catch(() => undefined);
    }
  }
}
