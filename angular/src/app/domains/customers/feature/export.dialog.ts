import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomerExportService } from '../../../shared/api/generated';
import type { CustomerExportDto, CustomerExportFilter, ExportColumnDto, FileFormat } from '../../../shared/api/generated';
import { CustomerFilesApi } from '../data/customer-files-api';
import { saveBlob } from '../../../shared/util/file-download';

/** The chosen customers, or the list's own query string, so the file holds exactly what the list shows. */
export function exportFilter(selected: string[], listQuery: string): CustomerExportFilter {
  return selected.length ? { customerIds: selected } : { query: listQuery };
}

/** Export of the chosen customers (or the filtered list): format and columns; a large export runs as a job and is polled. */
@Component({
  selector: 'app-export-dialog',
  imports: [FormsModule, TranslatePipe, NzModalModule, NzFormModule, NzRadioModule, NzCheckboxModule, NzProgressModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="'customers.export.title' | translate"
      [nzOkText]="'customers.export.run' | translate"
      [nzCancelText]="'common.cancel' | translate"
      [nzOkLoading]="busy()"
      [nzOkDisabled]="chosen().length === 0"
      (nzOnOk)="run()"
      (nzOnCancel)="closed.emit()"
    >
      <div *nzModalContent nz-form nzLayout="vertical" data-test="export-dialog">
        <p>{{ (selected().length ? 'customers.export.ofSelected' : 'customers.export.ofFilter') | translate: { count: selected().length } }}</p>
        <nz-form-item>
          <nz-form-label>{{ 'customers.export.format' | translate }}</nz-form-label>
          <nz-radio-group [(ngModel)]="format" data-test="export-format">
            <label nz-radio nzValue="Xlsx">Excel (XLSX)</label>
            <label nz-radio nzValue="Csv">CSV</label>
          </nz-radio-group>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'customers.export.columns' | translate }}</nz-form-label>
          <div style="display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4px">
            @for (c of columns(); track c.key) {
              <label nz-checkbox [ngModel]="chosen().includes(c.key)" (ngModelChange)="toggle(c.key, $event)">{{ zh() ? c.labelZh : c.labelEn }}</label>
            }
          </div>
        </nz-form-item>
        @if (job(); as j) {
          <nz-progress [nzPercent]="j.total ? Math.round((+j.processed * 100) / +j.total) : 0" data-test="export-progress" />
        }
      </div>
    </nz-modal>
  `,
})
export class ExportDialog implements OnInit {
  readonly selected = input<string[]>([]);
  /** The list's query string (filters, custom-field filters included). */
  readonly query = input.required<string>();
  readonly closed = output<void>();
  private readonly api = inject(CustomerExportService);
  private readonly files = inject(CustomerFilesApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly language = inject(LanguageService);
  protected readonly Math = Math;
  protected readonly columns = signal<ExportColumnDto[]>([]);
  protected readonly chosen = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly job = signal<CustomerExportDto | null>(null);
  protected readonly zh = computed(() => this.language.current().startsWith('zh'));
  protected format: FileFormat = 'Xlsx';

  ngOnInit(): void {
    this.api.apiCustomerExportsColumnsGet().then(
      (cols) => {
        this.columns.set(cols);
        this.chosen.set(cols.slice(0, 8).map((c) => c.key));
      },
      (e: unknown) => this.problems.show(e),
    );
  }

  protected toggle(key: string, on: boolean): void {
    this.chosen.update((c) => (on ? [...c.filter((k) => k !== key), key] : c.filter((k) => k !== key)));
  }

  protected async run(): Promise<void> {
    this.busy.set(true);
    try {
      const order = this.columns().map((c) => c.key).filter((k) => this.chosen().includes(k));
      const result = await this.files.export({ format: this.format, columns: order, filter: exportFilter(this.selected(), this.query()), language: this.language.current() });
      if ('file' in result) saveBlob(result.file, result.name);
      else {
        let job = result.job;
        this.job.set(job);
        while (job.status === 'Queued' || job.status === 'Running') {
          await new Promise((r) => setTimeout(r, 1000));
          job = await this.api.apiCustomerExportsIdGet({ id: job.id });
          this.job.set(job);
        }
        if (job.status !== 'Completed' || !job.fileId) throw new Error(this.language.instant('customers.export.failed'));
        await this.files.download(job.fileId, `customers.${this.format === 'Xlsx' ? 'xlsx' : 'csv'}`);
      }
      this.closed.emit();
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }
}
