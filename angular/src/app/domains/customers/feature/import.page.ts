import { ChangeDetectionStrategy, Component, computed, inject, OnDestroy, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomerFilesApi } from '../data/customer-files-api';
import { ImportStore } from '../data/import.store';
import { IMPORT_STEPS } from '../model/import';

/** Customer import wizard (CSV/XLSX): upload, map columns, dry run with a per-row report, commit, result with error file and revert. */
@Component({
  selector: 'app-import-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzProgressModule,
    NzRadioModule,
    NzResultModule,
    NzSelectModule,
    NzStepsModule,
    NzTableModule,
    NzTagModule,
  ],
  providers: [ImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'customers.import.title' | translate }}</h2>
        <span class="muted">{{ 'customers.import.subtitle' | translate }}</span>
      </div>
      <a nz-button routerLink="/customers">{{ 'customers.backToList' | translate }}</a>
    </div>
    <div class="page-card" data-test="import-wizard">
      <nz-steps [nzCurrent]="stepIndex()" nzSize="small" style="margin-bottom: 16px">
        <nz-step [nzTitle]="'customers.import.step.upload' | translate" />
        <nz-step [nzTitle]="'customers.import.step.mapping' | translate" />
        <nz-step [nzTitle]="'customers.import.step.dryRun' | translate" />
        <nz-step [nzTitle]="'customers.import.step.running' | translate" />
        <nz-step [nzTitle]="'customers.import.step.result' | translate" />
      </nz-steps>
      @switch (store.step()) {
        @case ('upload') {
          <p>{{ 'customers.import.uploadHint' | translate }}</p>
          <input type="file" accept=".csv,.xlsx" (change)="picked($event)" data-test="import-file" />
        }
        @case ('mapping') {
          @if (store.upload(); as u) {
            <p>
              {{ 'customers.import.fileInfo' | translate: { name: u.fileName, rows: u.totalRows } }}
              @if (u.mappingReused) { <nz-tag nzColor="blue">{{ 'customers.import.mappingReused' | translate }}</nz-tag> }
            </p>
            <nz-table nzSize="small" [nzData]="u.headers" [nzShowPagination]="false" data-test="import-mapping">
              <thead>
                <tr>
                  <th>{{ 'customers.import.column' | translate }}</th>
                  <th>{{ 'customers.import.sample' | translate }}</th>
                  <th>{{ 'customers.import.field' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (h of u.headers; track h; let i = $index) {
                  <tr>
                    <td>{{ h }}</td>
                    <td class="muted">{{ u.sampleRows[0]?.[i] }}</td>
                    <td>
                      <nz-select style="width: 220px" nzAllowClear [ngModel]="store.mapping()[h]" (ngModelChange)="store.map(h, $event)" [nzPlaceHolder]="'customers.import.skip' | translate" [attr.data-test]="'import-map-' + h">
                        @for (f of u.fields; track f.key) {
                          <nz-option [nzValue]="f.key" [nzLabel]="(zh() ? f.labelZh : f.labelEn) + (f.required ? ' *' : '')" />
                        }
                      </nz-select>
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
            @if (store.missing().length) {
              <nz-alert nzType="warning" [nzMessage]="'customers.import.missing' | translate: { fields: fieldNames(store.missing()) }" style="margin-top: 8px" />
            }
            <div class="actions" style="margin-top: 12px">
              <button nz-button (click)="store.restart()">{{ 'common.back' | translate }}</button>
              <button nz-button nzType="primary" [disabled]="!store.canDryRun()" [nzLoading]="store.busy()" (click)="run(store.dryRun())" data-test="import-dry-run">
                {{ 'customers.import.dryRun' | translate }}
              </button>
            </div>
          }
        }
        @case ('dryRun') {
          @if (store.report(); as r) {
            <p data-test="import-report-summary">{{ 'customers.import.reportSummary' | translate: { total: r.total, valid: r.valid, errors: r.errors, duplicates: r.duplicates } }}</p>
            <nz-table #rt nzSize="small" [nzData]="r.rows" [nzPageSize]="20" data-test="import-report">
              <thead>
                <tr>
                  <th>{{ 'customers.import.row' | translate }}</th>
                  <th>{{ 'customers.name' | translate }}</th>
                  <th>{{ 'common.status' | translate }}</th>
                  <th>{{ 'customers.import.problems' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rt.data; track row.row) {
                  <tr [attr.data-test]="'import-row-' + row.row">
                    <td>{{ row.row }}</td>
                    <td>{{ row.name }}</td>
                    <td><nz-tag [nzColor]="row.status === 'Valid' ? 'green' : row.status === 'Error' ? 'red' : 'orange'">{{ 'customers.import.rowStatus.' + row.status | translate }}</nz-tag></td>
                    <td>
                      @for (e of row.errors; track $index) {
                        <div>{{ fieldNames([e.field]) || e.field }}{{ e.value ? (zh() ? '（' + e.value + '）' : ' (' + e.value + ')') : '' }}{{ zh() ? '：' : ': ' }}{{ problems.fieldText(e.code, e.message) }}</div>
                      }
                      @if (row.duplicateOfName || row.duplicateOfRow) {
                        <div>{{ 'customers.import.duplicateOf' | translate: { name: row.duplicateOfName ?? '#' + row.duplicateOfRow } }}</div>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
            <nz-radio-group [ngModel]="store.mode()" (ngModelChange)="store.setMode($event)" style="margin: 12px 0; display: block" data-test="import-mode">
              <label nz-radio nzValue="ValidRowsOnly" data-test="import-mode-valid">{{ 'customers.import.mode.ValidRowsOnly' | translate }}</label>
              <label nz-radio nzValue="AllOrNothing" data-test="import-mode-all">{{ 'customers.import.mode.AllOrNothing' | translate }}</label>
            </nz-radio-group>
            <div class="actions">
              <button nz-button (click)="store.back('mapping')">{{ 'common.back' | translate }}</button>
              <button nz-button nzType="primary" [nzLoading]="store.busy()" (click)="commit()" data-test="import-commit">{{ 'customers.import.commit' | translate }}</button>
            </div>
          }
        }
        @case ('running') {
          @if (store.batch(); as b) {
            <nz-progress [nzPercent]="+b.total ? Math.round((+b.processed * 100) / +b.total) : 0" nzStatus="active" data-test="import-progress" />
          }
        }
        @case ('result') {
          @if (store.batch(); as b) {
            <nz-result
              [nzStatus]="b.status === 'Failed' ? 'error' : b.status === 'Reverted' ? 'info' : 'success'"
              [nzTitle]="'customers.import.status.' + b.status | translate"
              [nzSubTitle]="'customers.import.resultSummary' | translate: { created: b.created, contacts: b.contactsCreated, skipped: b.skipped, errors: b.errors }"
              data-test="import-result"
            >
              <div nz-result-extra>
                @if (b.errorFileId) {
                  <button nz-button (click)="downloadErrors(b.errorFileId)" data-test="import-error-file"><nz-icon nzType="download" /> {{ 'customers.import.errorFile' | translate }}</button>
                }
                @if (b.status === 'Completed') {
                  <button nz-button nzDanger nz-popconfirm [nzPopconfirmTitle]="'customers.import.revertConfirm' | translate" (nzOnConfirm)="run(store.revertImport())" data-test="import-revert">
                    {{ 'customers.import.revert' | translate }}
                  </button>
                }
                <button nz-button nzType="primary" (click)="store.restart()">{{ 'customers.import.another' | translate }}</button>
              </div>
            </nz-result>
            @if (store.revert(); as rv) {
              <p data-test="import-revert-result">{{ 'customers.import.revertSummary' | translate: { deleted: rv.deleted, kept: rv.kept.length } }}</p>
              @for (k of rv.kept; track k.customerId) {
                <div data-test="import-kept">
                  <a [routerLink]="['/customers', k.customerId]">{{ k.name }}</a>:
                  @for (r of k.reasons; track r) {
                    {{ 'customers.import.keptReason.' + r | translate }}{{ $last ? '' : zh() ? '，' : ', ' }}
                  }
                </div>
              }
            }
          }
        }
      }
    </div>

    <div class="page-card" style="margin-top: 16px">
      <h4>{{ 'customers.import.history' | translate }}</h4>
      <nz-table #ht nzSize="small" [nzData]="store.history()" [nzFrontPagination]="false" data-test="import-history">
        <thead>
          <tr>
            <th>{{ 'customers.import.file' | translate }}</th>
            <th>{{ 'common.status' | translate }}</th>
            <th>{{ 'customers.import.created' | translate }}</th>
            <th>{{ 'customers.import.errors' | translate }}</th>
            <th>{{ 'customers.import.importedAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (b of ht.data; track b.id) {
            <tr (click)="store.open(b)" style="cursor: pointer">
              <td>{{ b.fileName }}</td>
              <td><nz-tag>{{ 'customers.import.status.' + b.status | translate }}</nz-tag></td>
              <td>{{ b.created }}</td>
              <td>{{ b.errors }}</td>
              <td>{{ b.createdAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>
  `,
})
export class ImportPage implements OnInit, OnDestroy {
  protected readonly store = inject(ImportStore);
  private readonly files = inject(CustomerFilesApi);
  protected readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly Math = Math;
  protected readonly zh = computed(() => this.language.current().startsWith('zh'));
  protected readonly stepIndex = computed(() => IMPORT_STEPS.indexOf(this.store.step()));
  private timer: ReturnType<typeof setTimeout> | null = null;

  ngOnInit(): void {
    this.store.loadHistory().catch((e: unknown) => this.problems.show(e));
  }

  ngOnDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  protected run(p: Promise<unknown>): void {
    p.catch((e: unknown) => this.problems.show(e));
  }

  protected fieldNames(keys: string[]): string {
    const fields = this.store.upload()?.fields ?? [];
    return keys.map((k) => fields.find((f) => f.key === k)).map((f) => (f ? (this.zh() ? f.labelZh : f.labelEn) : '')).join(', ');
  }

  protected picked(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.run(this.store.uploadFile(file));
  }

  protected async commit(): Promise<void> {
    try {
      await this.store.commit();
      this.pollWhileRunning();
    } catch (e) {
      this.problems.show(e);
    }
  }

  private pollWhileRunning(): void {
    if (this.store.step() !== 'running') return;
    this.timer = setTimeout(() => {
      this.store.poll().then(
        (still) => (still ? this.pollWhileRunning() : undefined),
        (e: unknown) => this.problems.show(e),
      );
    }, 1000);
  }

  protected downloadErrors(fileId: string): void {
    this.run(this.files.download(fileId, 'import-errors.csv'));
  }
}
