import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { UsersService } from '../../../shared/api/generated';
import { injectUiLanguage, labelIn } from '../../../shared/ui/custom-field-support';
import { DefinitionEditorStore } from '../data/definition-editor.store';
import { WorkflowApi } from '../data/workflow-api';
import type { DefinitionDiff } from '../model/api';
import { ACTIVITIES, branchNames, optionalBranches, usesNext, WorkflowStep } from '../model/definition';
import { DefinitionIssue, issuesFromProblem } from '../model/validation';
import { NamedOption } from '../ui/condition-builder';
import { StepPropertiesForm } from '../ui/step-properties';
import { WorkflowGraph } from '../ui/workflow-graph';
import { TriggerForm } from './trigger-form';
import { DryRunPanel } from './dry-run.panel';

/**
 * One definition: its versions, and the editor of the shown version (the draft is editable). The step list and
 * the graph edit the same store; validation issues and a dry run's path are marked in both.
 */
@Component({
  selector: 'app-workflow-definition-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DefinitionEditorStore],
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzSkeletonModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTooltipModule,
    StepPropertiesForm,
    WorkflowGraph,
    TriggerForm,
    DryRunPanel,
  ],
  templateUrl: './definition.page.html',
  styles: `
    .toolbar { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .steps { list-style: none; margin: 0; padding: 0; }
    .step { border: 1px solid #f0f0f0; border-radius: 8px; margin-bottom: 8px; background: #fff; }
    .step.selected { border-color: #1677ff; box-shadow: 0 0 0 1px #1677ff33; }
    .step.issue { border-color: #ff4d4f; }
    .step.on-path { background: #f6ffed; }
    .step-head { display: flex; gap: 8px; align-items: center; padding: 8px 12px; cursor: pointer; flex-wrap: wrap; }
    .step-body { padding: 8px 12px 12px; border-top: 1px dashed #f0f0f0; }
    .links { display: grid; grid-template-columns: 160px minmax(0, 1fr); gap: 8px 12px; align-items: center; margin-bottom: 12px; }
    .handle { cursor: move; color: rgba(0, 0, 0, 0.45); }
    .grow { flex: 1; }
    .id { font-family: monospace; }
    .add-row { display: flex; gap: 8px; margin-top: 8px; }
    .w200 { width: 200px; }
    .issues li { cursor: pointer; }
    .section { margin-bottom: 16px; }
    .cdk-drag-preview { box-shadow: 0 4px 12px rgba(0, 0, 0, 0.15); }
    .cdk-drag-placeholder { opacity: 0.3; }
  `,
})
export class WorkflowDefinitionPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly store = inject(DefinitionEditorStore);
  private readonly api = inject(WorkflowApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly permissions = inject(PermissionStore);
  private readonly usersApi = inject(UsersService);
  protected readonly lang = injectUiLanguage();

  protected readonly activities = ACTIVITIES;
  protected readonly canManage = computed(() => this.permissions.has('Workflows.Definitions.Manage'));
  protected readonly canEdit = computed(() => this.canManage() && this.store.editable());
  protected readonly users = signal<NamedOption[]>([]);
  protected readonly newActivity = signal<string>('Notify');
  protected readonly tab = signal(0);
  protected readonly diffOpen = signal(false);
  protected readonly diff = signal<DefinitionDiff | null>(null);
  protected diffFrom: number | null = null;
  protected diffTo: number | null = null;
  protected readonly dryRunOpen = signal(false);

  ngOnInit(): void {
    this.store.load(this.id()).catch((e) => this.problems.show(e));
    this.usersApi.apiIdentityUsersLookupGet({ max: 200 }).then(
      (u) => this.users.set(u.map((x) => ({ id: x.id, name: x.name }))),
      () => undefined,
    );
  }

  /** A text in the viewer's language: the Chinese one when there is one and the UI is Chinese. */
  protected inLanguage = (en: string | null | undefined, zh: string | null | undefined) => labelIn(this.lang(), en, zh);
  /** Graph nodes titled in the viewer's language. */
  protected readonly graphNodes = computed(() => {
    const steps = new Map(this.store.model().steps.map((s) => [s.id, s]));
    const lang = this.lang();
    return this.store.graph().nodes.map((n) => {
      const s = steps.get(n.id);
      return s ? { ...n, label: labelIn(lang, s.name, s.nameZh) || s.id } : n;
    });
  });

  /** the graph's second line of a node */
  protected readonly activityLabel = computed(() => {
    this.lang();
    return (a: string) => this.translate.instant(`workflows.activity.${a}`) as string;
  });
  branches = (s: WorkflowStep) => [...branchNames(s), ...optionalBranches(s)];
  usesNext = usesNext;
  statusColor = (status: string | null) => (status === 'Published' ? 'green' : status === 'Draft' ? 'gold' : 'default');
  issuesOf = (stepId: string) => this.store.issues().filter((i) => i.stepId === stepId);
  otherSteps = (s: WorkflowStep) => this.store.stepIds().filter((id) => id !== s.id);

  issueText(issue: DefinitionIssue): string {
    const key = `workflows.validation.${issue.code}`;
    const translated = this.translate.instant(key, { step: issue.stepId ?? '', detail: issue.detail ?? '' }) as string;
    return translated !== key ? translated : (issue.message ?? issue.code);
  }

  drop(event: CdkDragDrop<unknown>): void {
    this.store.moveStep(event.previousIndex, event.currentIndex);
  }

  toggle(stepId: string): void {
    this.store.select(this.store.selectedStepId() === stepId ? null : stepId);
  }

  rename(step: WorkflowStep, to: string): void {
    const id = to.trim();
    if (id && id !== step.id && !this.store.renameStep(step.id, id)) this.message.warning(this.translate.instant('workflows.editor.idTaken'));
  }

  addStep(): void {
    this.store.addStep(this.newActivity());
  }

  async save(): Promise<boolean> {
    try {
      const ok = await this.store.save();
      if (ok) this.message.success(this.translate.instant('workflows.editor.saved'));
      return ok;
    } catch (error) {
      this.showIssues(error);
      return false;
    }
  }

  async validate(): Promise<void> {
    if (this.store.dirty() && !(await this.save())) return;
    try {
      await this.store.validate();
      this.message.success(this.translate.instant('workflows.editor.valid'));
    } catch (error) {
      this.showIssues(error);
    }
  }

  async publish(): Promise<void> {
    if (this.store.dirty() && !(await this.save())) return;
    try {
      await this.store.publish();
      this.message.success(this.translate.instant('workflows.editor.publishedOk'));
    } catch (error) {
      this.showIssues(error);
    }
  }

  async retire(number: number): Promise<void> {
    try {
      await this.store.retire(number);
    } catch (error) {
      this.problems.show(error);
    }
  }

  async reload(): Promise<void> {
    await this.store.load(this.id());
  }

  openDiff(): void {
    const versions = this.store.detail()?.versions ?? [];
    this.diffTo = versions[versions.length - 1]?.number ?? null;
    this.diffFrom = versions[versions.length - 2]?.number ?? null;
    this.diff.set(null);
    this.diffOpen.set(true);
  }

  async loadDiff(): Promise<void> {
    if (this.diffFrom === null || this.diffTo === null) return;
    try {
      this.diff.set(await this.api.diff(this.id(), this.diffFrom, this.diffTo));
    } catch (error) {
      this.problems.show(error);
    }
  }

  /** A 400 with per-step errors is listed and marked; anything else is a toast. */
  private showIssues(error: unknown): void {
    const problem = toProblem(error);
    if (problem.status === 400 || problem.status === 422) {
      const issues = issuesFromProblem(problem, this.store.model());
      this.store.setServerIssues(issues);
      if (issues.length) return;
    }
    this.problems.show(error);
  }
}
