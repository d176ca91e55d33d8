import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { ReportsStore } from '../data/reports.store';
import { formatValue, MeasureKind, PERIOD_UNITS, PeriodUnit, RANGE_PRESETS, RangePreset } from '../model/report';
import { ReportChart } from '../ui/report-chart';

/** Dictionary behind each filterable dimension the page offers a picker for. */
const FILTER_DICTIONARIES: Record<string, string> = {
  category: 'ticket-category', priority: 'ticket-priority', type: 'complaint-type', severity: 'severity',
};

/** Service reports (V11): pick a report, range and grouping; see a chart and a table with totals; export to Excel. */
@Component({
  selector: 'app-reports-page',
  imports: [FormsModule, TranslatePipe, DictionarySelect, ReportChart, NzButtonModule, NzCardModule, NzDatePickerModule, NzEmptyModule, NzIconModule,
    NzRadioModule, NzSelectModule, NzSpinModule, NzTableModule],
  providers: [ReportsStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'reports.title' | translate }}</h2>
          <span class="muted">{{ 'reports.subtitle' | translate }}</span>
        </div>
        <button nz-button nzType="primary" [nzLoading]="store.exporting()" [disabled]="!store.result()?.rows?.length" (click)="exportXlsx()" data-test="report-export">
          <nz-icon nzType="download" />{{ 'reports.export' | translate }}
        </button>
      </div>
      <div class="controls">
        <nz-select [ngModel]="store.reportKey()" (ngModelChange)="run(store.choose($event))" class="report-select" data-test="report-choice">
          @for (d of store.definitions(); track d.key) { <nz-option [nzValue]="d.key" [nzLabel]="d.name" /> }
        </nz-select>
        <nz-radio-group [ngModel]="store.preset()" (ngModelChange)="setPreset($event)" data-test="report-range">
          @for (p of presets; track p) { <label nz-radio-button [nzValue]="p">{{ 'reports.range.' + p | translate }}</label> }
        </nz-radio-group>
        @if (store.preset() === 'custom') {
          <nz-range-picker [ngModel]="store.custom()" (ngModelChange)="setCustom($event)" data-test="report-custom-range" />
        }
      </div>
      <div class="controls">
        <span class="muted">{{ 'reports.groupBy' | translate }}</span>
        <nz-select [ngModel]="store.groupBy()" (ngModelChange)="run(store.setGroupBy($event))" class="narrow" data-test="report-group-by">
          @for (d of store.definition()?.dimensions ?? []; track d.key) { <nz-option [nzValue]="d.key" [nzLabel]="d.name" /> }
        </nz-select>
        @if (store.groupBy() === 'period') {
          <nz-radio-group [ngModel]="store.period()" (ngModelChange)="setPeriod($event)" nzSize="small" data-test="report-period">
            @for (u of units; track u) { <label nz-radio-button [nzValue]="u">{{ 'reports.unit.' + u | translate }}</label> }
          </nz-radio-group>
        }
        @for (f of dictionaryFilters(); track f.key) {
          <app-dictionary-select [type]="f.dictionary" [placeholder]="f.name" width="160px" [ngModel]="store.filters()[f.key] ?? null"
            (ngModelChange)="run(store.setFilter(f.key, $event))" [attr.data-test]="'report-filter-' + f.key" />
        }
        @for (c of store.definition()?.choices ?? []; track c.key) {
          <span class="muted">{{ c.name }}</span>
          <nz-select class="narrow" [ngModel]="store.filters()[c.key] ?? c.default" (ngModelChange)="run(store.setFilter(c.key, $event))"
            [attr.aria-label]="c.name" [attr.data-test]="'report-option-' + c.key">
            @for (o of c.options; track o) { <nz-option [nzValue]="o" [nzLabel]="o" /> }
          </nz-select>
        }
      </div>
      <nz-spin [nzSpinning]="store.loading()" data-test="report-loading">
        @if (store.result(); as r) {
          @if (r.rows.length === 0) {
            <nz-empty [nzNotFoundContent]="'reports.empty' | translate" data-test="report-empty" />
          } @else {
            <nz-card nzSize="small" class="gap">
              <div class="controls">
                <span class="muted">{{ 'reports.chartMeasures' | translate }}</span>
                <nz-select nzMode="multiple" [ngModel]="chartMeasures()" (ngModelChange)="chosenMeasures.set($event)" class="wide" data-test="report-chart-measures">
                  @for (m of r.measures; track m.key) { <nz-option [nzValue]="m.key" [nzLabel]="m.name" /> }
                </nz-select>
              </div>
              <app-report-chart [result]="r" [measures]="chartMeasures()" />
            </nz-card>
            <nz-table #t [nzData]="r.rows" [nzFrontPagination]="false" [nzShowPagination]="false" nzSize="small" [nzScroll]="{ x: '1100px' }" class="gap" data-test="report-table">
              <thead>
                <tr>
                  <th nzLeft>{{ groupName() }}</th>
                  @for (m of r.measures; track m.key) { <th nzAlign="right">{{ m.name }}</th> }
                </tr>
              </thead>
              <tbody>
                @for (row of t.data; track row.key) {
                  <tr data-test="report-row">
                    <td nzLeft>{{ row.label }}</td>
                    @for (m of r.measures; track m.key) { <td nzAlign="right">{{ format(m.kind, row.values[m.key]) }}</td> }
                  </tr>
                }
                <tr class="total" data-test="report-total">
                  <td nzLeft>{{ r.total.label }}</td>
                  @for (m of r.measures; track m.key) { <td nzAlign="right">{{ format(m.kind, r.total.values[m.key]) }}</td> }
                </tr>
              </tbody>
            </nz-table>
            <div class="muted gap">{{ 'reports.timeZone' | translate: { zone: r.timeZone } }}</div>
          }
        } @else if (!store.loading() && store.definitions().length === 0) {
          <nz-empty [nzNotFoundContent]="'reports.none' | translate" />
        }
      </nz-spin>
    </div>
  `,
  styles: `
    .controls { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin-bottom: 12px; }
    .report-select { width: 200px; }
    .narrow { width: 160px; }
    .wide { min-width: 320px; }
    .gap { margin-top: 12px; }
    .total td { font-weight: 600; background: #fafafa; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage implements OnInit {
  protected readonly store = inject(ReportsStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly presets = RANGE_PRESETS;
  protected readonly units = PERIOD_UNITS;
  protected readonly chosenMeasures = signal<string[] | null>(null);

  /** The measures drawn: the user's choice, else the report's first count and first non-count figure. */
  protected readonly chartMeasures = computed(() => {
    const chosen = this.chosenMeasures();
    const measures = this.store.result()?.measures ?? [];
    if (chosen && chosen.every((k) => measures.some((m) => m.key === k))) return chosen;
    const first = measures.find((m) => m.kind === 'Count');
    const other = measures.find((m) => m.kind === 'Percent' || m.kind === 'DurationMinutes');
    return [first, other].filter((m) => !!m).map((m) => m!.key);
  });

  protected readonly groupName = computed(() => this.store.definition()?.dimensions.find((d) => d.key === this.store.groupBy())?.name ?? '');

  protected readonly dictionaryFilters = computed(() => {
    const definition = this.store.definition();
    if (!definition) return [];
    return definition.filters.filter((k) => FILTER_DICTIONARIES[k]).map((k) => ({
      key: k, dictionary: FILTER_DICTIONARIES[k], name: definition.dimensions.find((d) => d.key === k)?.name ?? k,
    }));
  });

  ngOnInit(): void {
    this.run(this.store.init());
  }

  protected run(work: Promise<unknown>): void {
    work.catch((error) => this.problems.show(error));
  }

  protected setPreset(preset: RangePreset): void {
    if (preset === 'custom' && !this.store.custom()) {
      const now = new Date();
      this.run(this.store.setRange(preset, [new Date(now.getFullYear(), now.getMonth(), 1), now]));
    } else this.run(this.store.setRange(preset, this.store.custom()));
  }

  protected setCustom(range: [Date, Date] | null): void {
    if (range?.length === 2) this.run(this.store.setRange('custom', range));
  }

  protected setPeriod(unit: PeriodUnit): void {
    this.run(this.store.setPeriod(unit));
  }

  protected format(kind: MeasureKind, value: number | string | null | undefined): string {
    return formatValue(kind, value, this.language.current(), { h: this.translate.instant('reports.hours'), min: this.translate.instant('reports.minutes') });
  }

  protected async exportXlsx(): Promise<void> {
    try {
      if (!(await this.store.export())) return;
      this.message.success(this.translate.instant('reports.exported'));
    } catch (error) {
      this.problems.show(error);
    }
  }
}
