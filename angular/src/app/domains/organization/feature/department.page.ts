import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormatBeforeDropEvent, NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeModule } from 'ng-zorro-antd/tree';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { from, map, Observable, of } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { validateForm } from '../../../shared/util/form-errors';
import { DepartmentStore } from '../data/department.store';
import { buildTree, Department } from '../model/department';

type Dialog = 'create' | 'rename' | 'move' | 'members' | null;

/** The org tree (drag a department onto another to move it) and the selected department's members. */
@Component({
  selector: 'app-department-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    NzTreeModule,
    NzTreeSelectModule,
    NzGridModule,
    NzCardModule,
    NzButtonModule,
    NzIconModule,
    NzDescriptionsModule,
    NzTableModule,
    NzTagModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzPopconfirmModule,
    NzEmptyModule,
    NzSkeletonModule,
  ],
  templateUrl: './department.page.html',
  styles: `
    .tree-card { min-height: 420px; }
    .tree-actions { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
  `,
  providers: [DepartmentStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentPage implements OnInit {
  protected readonly store = inject(DepartmentStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.permissions.has('Departments.Manage'));
  protected readonly dialog = signal<Dialog>(null);
  protected readonly createUnder = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly moveTarget = signal<string | null>(null);
  protected readonly newMembers = signal<string[]>([]);
  protected readonly moveNodes = computed(() => {
    const selected = this.store.selected();
    return buildTree(this.store.departments(), selected?.id ?? null);
  });
  protected readonly selectedKeys = computed(() => (this.store.selectedId() ? [this.store.selectedId()!] : []));
  protected readonly nameForm = this.fb.group({ name: ['', [Validators.required, Validators.maxLength(128)]] });

  /** Dropping onto a node makes it the parent; dropping between nodes makes their parent the parent. */
  protected readonly beforeDrop = (event: NzFormatBeforeDropEvent): Observable<boolean> => {
    const dragged = this.store.departments().find((d) => d.id === event.dragNode.key);
    if (!dragged || !this.canManage()) return of(false);
    const parentId = event.pos === 0 ? event.node.key : (event.node.parentNode?.key ?? null);
    if ((dragged.parentId ?? null) === parentId) return of(false);
    return from(this.move(dragged, parentId)).pipe(map(() => false));
  };

  ngOnInit(): void {
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected onTreeClick(event: NzFormatEmitEvent): void {
    const key = event.node?.key ?? null;
    this.store.select(key).catch((e: unknown) => this.problems.show(e));
  }

  protected openCreate(parentId: string | null): void {
    this.createUnder.set(parentId);
    this.nameForm.reset();
    this.dialog.set('create');
  }

  protected openRename(): void {
    this.nameForm.reset({ name: this.store.selected()?.name ?? '' });
    this.dialog.set('rename');
  }

  protected openMove(): void {
    this.moveTarget.set(this.store.selected()?.parentId ?? null);
    this.dialog.set('move');
  }

  protected openMembers(): void {
    this.newMembers.set([]);
    this.store.searchUsers('').catch(() => undefined);
    this.dialog.set('members');
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected async saveName(): Promise<void> {
    if (!validateForm(this.nameForm)) return;
    const name = this.nameForm.getRawValue().name.trim();
    const selected = this.store.selected();
    this.saving.set(true);
    try {
      if (this.dialog() === 'create') {
        await this.store.create(name, this.createUnder());
        this.message.success(this.language.instant('departments.created'));
      } else if (selected) {
        await this.store.rename(selected, name);
        this.message.success(this.language.instant('departments.renamed'));
      }
      this.close();
    } catch (e) {
      if (toProblem(e).code === 'concurrency_conflict') {
        this.problems.show(e);
        await this.store.load();
      } else this.reportFormErrors(this.nameForm, e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async confirmMove(): Promise<void> {
    const selected = this.store.selected();
    if (!selected) return;
    this.saving.set(true);
    try {
      await this.move(selected, this.moveTarget());
      this.close();
    } finally {
      this.saving.set(false);
    }
  }

  protected async addMembers(): Promise<void> {
    await this.run(() => this.store.addMembers(this.newMembers()), 'departments.membersAdded');
    this.close();
  }

  protected setHead(userId: string | null): Promise<void> {
    return this.run(() => this.store.setHead(userId), 'departments.headSet');
  }

  protected removeMember(userId: string): Promise<void> {
    return this.run(() => this.store.removeMember(userId), 'departments.memberRemoved');
  }

  protected remove(department: Department): Promise<void> {
    return this.run(() => this.store.remove(department), 'departments.deleted');
  }

  private async move(department: Department, parentId: string | null): Promise<void> {
    await this.run(() => this.store.move(department, parentId), 'departments.moved');
  }

  private async run(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action();
      this.message.success(this.language.instant(done));
    } catch (e) {
      const problem = this.problems.show(e);
      if (problem.code === 'concurrency_conflict') await this.store.load().catch(() => undefined);
    }
  }
}
