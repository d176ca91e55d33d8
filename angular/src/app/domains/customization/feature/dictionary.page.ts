import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
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
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { DictionaryItemCache } from '../../../shared/ui/custom-field-support';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { applyServerErrors, validateForm } from '../../../shared/util/form-errors';
import { DictionaryStore } from '../data/dictionary.store';
import { COLOR_PATTERN, DictionaryItem, DictionaryType, localized } from '../model/customization';

type Dialog = 'type' | 'item' | null;

/** Data dictionaries: the types on the left, the selected type's items (drag to reorder) on the right. */
@Component({
  selector: 'app-dictionary-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    NzGridModule,
    NzCardModule,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    NzSwitchModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzPopconfirmModule,
    NzEmptyModule,
    NzSkeletonModule,
    NzTooltipModule,
  ],
  templateUrl: './dictionary.page.html',
  styles: `
    .type-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .type-list li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      padding: 5px 12px;
      border-radius: 6px;
      cursor: pointer;
    }
    .type-list li:hover {
      background: rgba(0, 0, 0, 0.04);
    }
    .type-list li.active {
      background: #e6f4ff;
      color: #1677ff;
    }
    .type-code {
      font-size: 12px;
      line-height: 16px;
    }
    .swatch {
      display: inline-block;
      width: 16px;
      height: 16px;
      border-radius: 4px;
      border: 1px solid rgba(0, 0, 0, 0.15);
      vertical-align: middle;
    }
    .drag-handle {
      cursor: move;
      color: rgba(0, 0, 0, 0.45);
    }
    tr.item-disabled td {
      color: rgba(0, 0, 0, 0.35);
    }
    tr.item-disabled .swatch {
      opacity: 0.4;
    }
    .cdk-drag-preview {
      display: table;
      background: #fff;
      box-shadow: 0 4px 12px rgba(0, 0, 0, 0.15);
    }
    .cdk-drag-placeholder {
      opacity: 0.3;
    }
    .card-actions {
      display: flex;
      gap: 8px;
    }
    .color-row {
      display: flex;
      gap: 8px;
      align-items: center;
    }
  `,
  providers: [DictionaryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DictionaryPage implements OnInit {
  protected readonly store = inject(DictionaryStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly language = inject(LanguageService);
  private readonly cache = inject(DictionaryItemCache);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.permissions.has('Dictionaries.Manage'));
  protected readonly dialog = signal<Dialog>(null);
  protected readonly saving = signal(false);
  /** The type or item being edited (null when creating). */
  protected readonly editingType = signal<DictionaryType | null>(null);
  protected readonly editingItem = signal<DictionaryItem | null>(null);
  protected readonly hasNumeric = computed(() => !!this.store.selected()?.numericValueName);

  protected readonly typeForm = this.fb.group({
    code: ['', [Validators.required, Validators.maxLength(64)]],
    nameZh: ['', [Validators.required, Validators.maxLength(128)]],
    nameEn: ['', [Validators.required, Validators.maxLength(128)]],
    numericValueName: ['', [Validators.maxLength(64)]],
  });
  protected readonly itemForm = this.fb.group({
    code: ['', [Validators.required, Validators.maxLength(64)]],
    labelZh: ['', [Validators.required, Validators.maxLength(128)]],
    labelEn: ['', [Validators.required, Validators.maxLength(128)]],
    color: ['', [Validators.pattern(COLOR_PATTERN)]],
    isEnabled: [true],
    isDefault: [false],
    numericValue: this.fb.control<number | null>(null),
  });

  ngOnInit(): void {
    this.store.init().catch((e: unknown) => this.problems.show(e));
  }

  protected typeName(type: DictionaryType): string {
    return localized(this.language.current(), type.nameEn, type.nameZh);
  }

  protected select(type: DictionaryType): void {
    this.store.select(type.code).catch((e: unknown) => this.problems.show(e));
  }

  protected openType(type: DictionaryType | null): void {
    this.editingType.set(type);
    this.typeForm.reset({
      code: type?.code ?? '',
      nameZh: type?.nameZh ?? '',
      nameEn: type?.nameEn ?? '',
      numericValueName: type?.numericValueName ?? '',
    });
    if (type) this.typeForm.controls.code.disable();
    else this.typeForm.controls.code.enable();
    this.dialog.set('type');
  }

  protected openItem(item: DictionaryItem | null): void {
    this.editingItem.set(item);
    this.itemForm.reset({
      code: item?.code ?? '',
      labelZh: item?.labelZh ?? '',
      labelEn: item?.labelEn ?? '',
      color: item?.color ?? '',
      isEnabled: item?.isEnabled ?? true,
      isDefault: item?.isDefault ?? false,
      numericValue:
        item?.numericValue === null || item?.numericValue === undefined
          ? null
          : Number(item.numericValue),
    });
    this.dialog.set('item');
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected async saveType(): Promise<void> {
    if (!validateForm(this.typeForm)) return;
    const value = this.typeForm.getRawValue();
    const body = {
      code: value.code.trim(),
      nameZh: value.nameZh.trim(),
      nameEn: value.nameEn.trim(),
      numericValueName: value.numericValueName.trim() || null,
    };
    const editing = this.editingType();
    await this.save(this.typeForm, async () => {
      if (editing) await this.store.updateType(editing, body);
      else await this.store.createType(body);
    });
  }

  protected async saveItem(): Promise<void> {
    if (!validateForm(this.itemForm)) return;
    const value = this.itemForm.getRawValue();
    const body = {
      code: value.code.trim(),
      labelZh: value.labelZh.trim(),
      labelEn: value.labelEn.trim(),
      color: value.color.trim() || null,
      isEnabled: value.isEnabled,
      isDefault: value.isDefault,
      numericValue: this.hasNumeric() ? value.numericValue : null,
    };
    const editing = this.editingItem();
    await this.save(this.itemForm, async () => {
      if (editing) await this.store.updateItem(editing, body);
      else await this.store.createItem(body);
    });
  }

  protected setEnabled(item: DictionaryItem, isEnabled: boolean): Promise<void> {
    return this.run(
      () => this.store.updateItem(item, { isEnabled }),
      isEnabled ? 'dictionaries.itemEnabled' : 'dictionaries.itemDisabled',
    );
  }

  protected drop(event: CdkDragDrop<DictionaryItem[]>): Promise<void> {
    return this.run(
      () => this.store.reorder(event.previousIndex, event.currentIndex),
      'dictionaries.reordered',
    );
  }

  protected async remove(item: DictionaryItem): Promise<void> {
    try {
      await this.store.removeItem(item);
      this.cache.clear();
      this.message.success(this.language.instant('dictionaries.itemDeleted'));
    } catch (e) {
      if (toProblem(e).code === 'dictionary.item_in_use' && item.isEnabled) {
        // an item records still hold cannot go: offer to disable it instead
        this.modal.confirm({
          nzTitle: this.language.instant('dictionaries.inUseTitle'),
          nzContent: this.language.instant('dictionaries.inUseDisable'),
          nzOkText: this.language.instant('dictionaries.disable'),
          nzCancelText: this.language.instant('common.cancel'),
          nzOnOk: () => this.setEnabled(item, false),
        });
      } else this.problems.show(e);
    }
  }

  private async save(
    form: Parameters<ReturnType<typeof injectFormErrorReporter>>[0],
    action: () => Promise<void>,
  ): Promise<void> {
    this.saving.set(true);
    try {
      await action();
      this.cache.clear();
      this.message.success(this.language.instant('common.saved'));
      this.close();
    } catch (e) {
      if (toProblem(e).code === 'concurrency_conflict') {
        this.problems.show(e);
        await this.store.init().catch(() => undefined);
      } else if (
        toProblem(e).code === 'dictionary.code_taken' ||
        toProblem(e).code === 'dictionary.code_in_use'
      ) {
        applyServerErrors(form, { code: this.problems.text(e) });
      } else this.reportFormErrors(form, e);
    } finally {
      this.saving.set(false);
    }
  }

  private async run(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action();
      this.cache.clear();
      this.message.success(this.language.instant(done));
    } catch (e) {
      const problem = this.problems.show(e);
      if (problem.code === 'concurrency_conflict') await this.store.init().catch(() => undefined);
    }
  }
}
