import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { CustomerPoolsService } from '../../../shared/api/generated';
import { CustomFieldFilter } from '../../../shared/ui/custom-field-filter';
import { injectUiLanguage, labelIn } from '../../../shared/ui/custom-field-support';
import { CustomFieldValue } from '../../../shared/ui/custom-field-value';
import { CustomerListStore } from '../data/customer-list.store';
import {
  activeFilterCount,
  BUILT_IN_COLUMNS,
  Customer,
  CustomerFilter,
  CustomerScope,
  DICTIONARIES,
  SavedView,
  SCOPES,
  SORTABLE,
} from '../model/customer';
import { ColumnChooser, ColumnOption } from '../ui/column-chooser';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { CustomerFormDrawer } from './customer-form.drawer';
import { ExportDialog } from './export.dialog';

/** Bulk actions whose APIs have not landed yet: shown disabled with a hint, no fake behaviour. */
export const PENDING_BULK_ACTIONS = [] as const;

/** Customers I may see: scope tabs, filters, sortable and chosen columns, saved views, keyset pages, bulk actions. */
@Component({
  selector: 'app-customer-list-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    ListTotalPipe,
    LocalDatePipe,
    CustomFieldFilter,
    CustomFieldValue,
    ColumnChooser,
    DictionarySelect,
    DictionaryTag,
    CustomerFormDrawer,
    ExportDialog,
    NzTableModule,
    NzTabsModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzDatePickerModule,
    NzDropdownModule,
    NzIconModule,
    NzModalModule,
    NzFormModule,
    NzPopconfirmModule,
    NzSwitchModule,
    NzTagModule,
    NzBadgeModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './customer-list.page.html',
  providers: [CustomerListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerListPage implements OnInit {
  protected readonly store = inject(CustomerListStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly pools$ = inject(CustomerPoolsService);
  private readonly uiLanguage = injectUiLanguage();

  protected readonly scopes = SCOPES;
  protected readonly dict = DICTIONARIES;
  protected readonly pendingBulk = PENDING_BULK_ACTIONS;
  protected readonly canCreate = computed(() => this.permissions.has('Customers.Customers.Create'));
  protected readonly canAssign = computed(() => this.permissions.has('Customers.Customers.Assign'));
  protected readonly canEdit = computed(() => this.permissions.has('Customers.Customers.Edit'));
  protected readonly canMerge = computed(() => this.permissions.has('Customers.Customers.Merge'));
  protected readonly canExport = computed(() => this.permissions.has('Customers.Customers.Export'));
  protected readonly canImport = computed(() => this.permissions.has('Customers.Customers.Import'));
  protected readonly pools = signal<{ id: string; name: string }[]>([]);
  protected readonly releasePoolId = signal<string | null>(null);
  protected readonly releaseReason = signal('');
  protected readonly exporting = signal(false);
  protected readonly nameText = signal('');
  protected readonly showFilters = signal(false);
  protected readonly creating = signal(false);
  protected readonly dialog = signal<'assign' | 'tags' | 'saveView' | 'release' | null>(null);
  protected readonly busy = signal(false);
  protected readonly assignOwnerId = signal<string | null>(null);
  protected readonly assignReason = signal('');
  protected readonly tagsAdd = signal<string[]>([]);
  protected readonly tagsRemove = signal<string[]>([]);
  protected readonly viewName = signal('');
  protected readonly viewDefault = signal(false);
  protected readonly viewOverwrite = signal(false);

  protected readonly filterCount = computed(() => activeFilterCount(this.store.filter()));
  protected readonly columnOptions = computed<ColumnOption[]>(() => [
    ...BUILT_IN_COLUMNS.map((key) => ({ key, label: this.language.instant('customers.column.' + key) })),
    ...this.store.customFields().map((f) => ({ key: 'cf.' + f.name, label: labelIn(this.uiLanguage(), f.labelEn, f.labelZh) })),
  ]);
  protected readonly shownCustomFields = computed(() => {
    const columns = this.store.columns();
    return this.store.customFields().filter((f) => columns.includes('cf.' + f.name));
  });
  protected readonly allChecked = computed(() => this.store.items().length > 0 && this.store.items().every((c) => this.store.selected().includes(c.id)));
  protected readonly someChecked = computed(() => this.store.selected().length > 0 && !this.allChecked());

  ngOnInit(): void {
    this.store.loadOptions().catch(() => undefined);
    this.store
      .init()
      .then(() => this.nameText.set(this.store.filter().name))
      .catch((e: unknown) => this.problems.show(e));
  }

  private run(promise: Promise<unknown>): void {
    promise.catch((e: unknown) => this.problems.show(e));
  }

  protected joined(...parts: (string | null | undefined)[]): string {
    return parts.filter((p) => !!p).join(' ');
  }

  protected shows(column: string): boolean {
    return this.store.columns().includes(column);
  }

  protected cfLabel(f: { labelEn: string; labelZh: string }): string {
    return labelIn(this.uiLanguage(), f.labelEn, f.labelZh);
  }

  protected setScope(index: number): void {
    const scope = this.scopes[index] as CustomerScope;
    if (scope !== this.store.filter().scope) this.run(this.store.applyFilter({ scope }));
  }

  protected apply(change: Partial<CustomerFilter>): void {
    this.run(this.store.applyFilter(change));
  }

  protected applyDate(key: 'lastFollowUpBefore' | 'lastFollowUpAfter' | 'nextFollowUpBefore', date: Date | null): void {
    this.apply({ [key]: date ? date.toISOString() : null });
  }

  protected dateOf(value: string | null): Date | null {
    return value ? new Date(value) : null;
  }

  protected search(): void {
    this.apply({ name: this.nameText() });
  }

  protected reset(): void {
    this.nameText.set('');
    this.run(this.store.resetFilter());
  }

  protected sortOrder(column: string): NzTableSortOrder {
    const field = SORTABLE[column];
    const sort = this.store.sort();
    if (sort === field) return 'ascend';
    if (sort === '-' + field) return 'descend';
    return null;
  }

  protected sortBy(column: string, order: string | null): void {
    const field = SORTABLE[column] ?? column;
    this.run(this.store.setSort(order === 'ascend' ? field : order === 'descend' ? '-' + field : null));
  }

  protected pickView(view: SavedView | null): void {
    this.run(this.store.applyView(view).then(() => this.nameText.set(this.store.filter().name)));
  }

  protected openSaveView(): void {
    const active = this.store.activeView();
    this.viewName.set(active?.name ?? '');
    this.viewDefault.set(active?.isDefault ?? false);
    this.viewOverwrite.set(active !== null);
    this.dialog.set('saveView');
  }

  protected async saveView(): Promise<void> {
    if (!this.viewName().trim()) return;
    this.busy.set(true);
    try {
      await this.store.saveView(this.viewName().trim(), this.viewDefault(), this.viewOverwrite());
      this.message.success(this.language.instant('customers.views.saved'));
      this.dialog.set(null);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected setDefaultView(view: SavedView): void {
    this.run(this.store.setDefaultView(view).then(() => this.message.success(this.language.instant('customers.views.defaultSet'))));
  }

  protected deleteView(view: SavedView): void {
    this.run(this.store.deleteView(view));
  }

  protected openAssign(): void {
    this.assignOwnerId.set(null);
    this.assignReason.set('');
    this.dialog.set('assign');
  }

  protected openTags(): void {
    this.tagsAdd.set([]);
    this.tagsRemove.set([]);
    this.dialog.set('tags');
  }

  protected async bulkAssign(): Promise<void> {
    const owner = this.assignOwnerId();
    if (!owner) return;
    this.busy.set(true);
    try {
      const r = await this.store.bulkAssign(owner, this.assignReason().trim() || null);
      this.message.success(this.language.instant('customers.bulk.done', r));
      this.dialog.set(null);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async bulkTags(): Promise<void> {
    if (!this.tagsAdd().length && !this.tagsRemove().length) return;
    this.busy.set(true);
    try {
      const r = await this.store.bulkTags(this.tagsAdd(), this.tagsRemove());
      this.message.success(this.language.instant('customers.bulk.done', r));
      this.dialog.set(null);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async openRelease(): Promise<void> {
    this.releaseReason.set('');
    this.dialog.set('release');
    try {
      const pools = this.permissions.has('Customers.Pool.Manage') ? await this.pools$.apiCustomerPoolsGet() : await this.pools$.apiCustomerPoolsMineGet();
      this.pools.set(pools.map((p) => ({ id: p.id, name: p.name })));
      if (!this.releasePoolId() || !pools.some((p) => p.id === this.releasePoolId())) this.releasePoolId.set(pools[0]?.id ?? null);
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async bulkRelease(): Promise<void> {
    const poolId = this.releasePoolId();
    if (!poolId || !this.releaseReason().trim()) return;
    this.busy.set(true);
    try {
      const r = await this.pools$.apiCustomerPoolsIdReleasePost({ id: poolId, body: { customerIds: this.store.selected(), reason: this.releaseReason().trim() } });
      this.message.success(this.language.instant('customers.bulk.done', { updated: Number(r.released), skipped: r.skipped.length }));
      this.dialog.set(null);
      this.store.clearSelection();
      await this.store.load();
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected merge(): void {
    void this.router.navigate(['/customers/merge'], { queryParams: { ids: this.store.selected().join(',') } });
  }

  protected created(customer: Customer): void {
    this.creating.set(false);
    void this.router.navigate(['/customers', customer.id]);
  }
}
