import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { WorkflowApi } from '../data/workflow-api';
import type { Agent } from '../model/api';

/** /admin/workflows/agents: who can take work — absent toggle, absent until, skills (saved per change). */
@Component({
  selector: 'app-workflow-agents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzTableModule, NzSwitchModule, NzDatePickerModule, NzSelectModule, NzEmptyModule],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'workflows.agents.title' | translate }}</h2>
          <span class="muted">{{ 'workflows.agents.subtitle' | translate }}</span>
        </div>
      </div>
      <nz-table nzSize="middle" [nzData]="agents()" [nzLoading]="loading()" [nzPageSize]="20" [nzNoResult]="empty" data-test="workflow-agents">
        <thead>
          <tr>
            <th>{{ 'workflows.agents.user' | translate }}</th>
            <th>{{ 'workflows.agents.absent' | translate }}</th>
            <th>{{ 'workflows.agents.absentUntil' | translate }}</th>
            <th>{{ 'workflows.agents.skills' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of agents(); track a.userId) {
            <tr>
              <td>{{ a.name }} <span class="muted">{{ a.userName }}</span></td>
              <td><nz-switch [nzDisabled]="!canManage()" [ngModel]="a.absent" (ngModelChange)="save(a, { absent: $event })" /></td>
              <td><nz-date-picker [nzDisabled]="!canManage() || !a.absent" [ngModel]="a.absentUntil" (ngModelChange)="save(a, { absentUntil: $event ? $event.toISOString() : null })" /></td>
              <td><nz-select class="skills" nzMode="tags" [nzDisabled]="!canManage()" [ngModel]="a.skills" (ngModelChange)="save(a, { skills: $event })" /></td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty><nz-empty [nzNotFoundContent]="(failed() ? 'common.loadFailed' : 'common.empty') | translate" /></ng-template>
    </div>
  `,
  styles: `.skills { min-width: 240px; }`,
})
export class WorkflowAgentsPage implements OnInit {
  private readonly api = inject(WorkflowApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly permissions = inject(PermissionStore);
  readonly agents = signal<Agent[]>([]);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly canManage = computed(() => this.permissions.has('Workflows.Agents'));

  async ngOnInit(): Promise<void> {
    this.loading.set(true);
    try {
      this.agents.set(await this.api.agents());
    } catch (error) {
      this.failed.set(true);
      this.problems.show(error);
    } finally {
      this.loading.set(false);
    }
  }
  async save(agent: Agent, change: Partial<Agent>): Promise<void> {
    const next = { ...agent, ...change };
    try {
      const saved = await this.api.saveAgent(agent.userId, { absent: next.absent, absentUntil: next.absent ? next.absentUntil : null, skills: next.skills, calendarId: next.calendarId });
      this.agents.update((all) => all.map((a) => (a.userId === agent.userId ? { ...next, ...saved } : a)));
    } catch (error) {
      this.problems.show(error);
      this.agents.update((all) => [...all]);
    }
  }
}
