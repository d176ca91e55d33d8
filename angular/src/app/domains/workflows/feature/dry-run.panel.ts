import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { DefinitionEditorStore } from '../data/definition-editor.store';

/** Dry run of the shown version against a record (by id) or sample values, with events answering waits; shows the path taken. */
@Component({
  selector: 'wf-dry-run-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzRadioModule, NzInputModule, NzSelectModule, NzButtonModule, NzIconModule, NzTableModule, NzTagModule, NzAlertModule],
  template: `
    @let s = store();
    <nz-radio-group [(ngModel)]="mode" class="section">
      <label nz-radio-button nzValue="record">{{ 'workflows.dryRun.byRecord' | translate }}</label>
      <label nz-radio-button nzValue="sample">{{ 'workflows.dryRun.bySample' | translate }}</label>
    </nz-radio-group>
    @if (mode === 'record') {
      <input nz-input class="section" [placeholder]="'workflows.dryRun.recordId' | translate" [(ngModel)]="recordId" data-test="dry-run-record" />
    } @else {
      @for (row of values(); track $index; let i = $index) {
        <div class="row">
          <nz-select class="w200" nzShowSearch [(ngModel)]="row.field">
            @for (f of s.conditionFields(); track f.name) {
              <nz-option [nzValue]="f.name" [nzLabel]="f.name" />
            }
          </nz-select>
          <input nz-input [(ngModel)]="row.value" [placeholder]="'workflows.props.value' | translate" />
          <button nz-button nzType="text" (click)="values.set(values().filter((_, j) => j !== i))"><nz-icon nzType="close" /></button>
        </div>
      }
      <button nz-button nzType="dashed" nzSize="small" class="section" (click)="values.set([...values(), { field: '', value: '' }])"><nz-icon nzType="plus" /> {{ 'workflows.dryRun.addValue' | translate }}</button>
    }
    <div class="lbl">{{ 'workflows.dryRun.events' | translate }}</div>
    <nz-select nzMode="multiple" class="section full" [(ngModel)]="events" [nzPlaceHolder]="'workflows.dryRun.eventsHint' | translate">
      @for (e of s.recordType()?.events ?? []; track e.name) {
        <nz-option [nzValue]="e.name" [nzLabel]="e.name" />
      }
    </nz-select>
    <div>
      <button nz-button nzType="primary" [nzLoading]="s.busy() === 'dryRun'" (click)="run()" data-test="dry-run-start"><nz-icon nzType="caret-right" /> {{ 'workflows.dryRun.run' | translate }}</button>
      @if (s.dryRun()) {
        <button nz-button nzType="link" (click)="s.clearDryRun()">{{ 'workflows.dryRun.clear' | translate }}</button>
      }
    </div>
    @if (s.dryRun(); as r) {
      <nz-alert class="top" [nzType]="r.status === 'failed' ? 'error' : 'info'" nzShowIcon [nzMessage]="('workflows.dryRun.result.' + r.status | translate) + (r.waitingFor ? ': ' + r.waitingFor : '') + (r.error ? ': ' + r.error : '')" />
      <nz-table nzSize="small" [nzData]="r.path" [nzShowPagination]="false" nzTemplateMode data-test="dry-run-path">
        <thead>
          <tr>
            <th>#</th>
            <th>{{ 'workflows.editor.stepId' | translate }}</th>
            <th>{{ 'workflows.editor.activity' | translate }}</th>
            <th>{{ 'workflows.dryRun.outcome' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of r.path; track $index; let i = $index) {
            <tr>
              <td>{{ i + 1 }}</td>
              <td>{{ p.stepId }}</td>
              <td><nz-tag>{{ 'workflows.activity.' + p.activity | translate }}</nz-tag></td>
              <td>{{ p.outcome }} <span class="muted">{{ p.note }}</span></td>
            </tr>
          }
        </tbody>
      </nz-table>
      <p class="muted">{{ 'workflows.dryRun.onGraph' | translate }}</p>
    }
  `,
  styles: `
    .section { margin-bottom: 12px; display: inline-block; }
    .full { width: 100%; }
    .row { display: flex; gap: 8px; margin-bottom: 8px; }
    .w200 { width: 200px; }
    .lbl { color: rgba(0, 0, 0, 0.65); margin-bottom: 4px; }
    .top { margin: 12px 0; }
  `,
})
export class DryRunPanel {
  readonly store = input.required<DefinitionEditorStore>();
  private readonly problems = inject(ProblemMessageService);
  mode: 'record' | 'sample' = 'sample';
  recordId = '';
  events: string[] = [];
  readonly values = signal<{ field: string; value: string }[]>([{ field: '', value: '' }]);

  async run(): Promise<void> {
    const values = Object.fromEntries(this.values().filter((v) => v.field).map((v) => [v.field, v.value]));
    try {
      await this.store().runDry({
        recordId: this.mode === 'record' ? this.recordId.trim() || null : null,
        values: this.mode === 'sample' ? values : null,
        events: this.events.map((name) => ({ name })),
      });
    } catch (error) {
      this.problems.show(error);
    }
  }
}
