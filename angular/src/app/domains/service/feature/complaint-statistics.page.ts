import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalNumberPipe } from '../../../core/i18n/format.pipes';
import { ComplaintStatisticsStore } from '../data/complaint-statistics.store';
import { COMPLAINT_DICTIONARIES, percent, StatisticsPeriod, StatisticsRow } from '../model/complaint';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';

/** Complaint statistics (V6): by type, department and severity, with on-time and satisfaction rates as bars. */
@Component({
  selector: 'app-complaint-statistics-page',
  imports: [FormsModule, TranslatePipe, LocalNumberPipe, DictionaryTag, NzCardModule, NzDatePickerModule, NzEmptyModule, NzProgressModule, NzRadioModule, NzSpinModule, NzTableModule],
  providers: [ComplaintStatisticsStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'service.statistics.title' | translate }}</h2>
          <span class="muted">{{ 'service.statistics.subtitle' | translate }}</span>
        </div>
        <div class="period">
          <nz-radio-group [ngModel]="store.period()" (ngModelChange)="setPeriod($event)" nzButtonStyle="solid" data-test="statistics-period">
            @for (p of periods; track p) {
              <label nz-radio-button [nzValue]="p">{{ 'service.statistics.period.' + p | translate }}</label>
            }
          </nz-radio-group>
          @if (store.period() === 'custom') {
            <nz-range-picker [ngModel]="store.custom()" (ngModelChange)="setCustom($event)" />
          }
        </div>
      </div>
      <nz-spin [nzSpinning]="store.loading()">
        @if (store.statistics(); as s) {
          <div class="totals" data-test="statistics-total">
            <div class="kpi"><div class="kpi-label">{{ 'service.statistics.count' | translate }}</div><div class="kpi-value">{{ s.total.count | localNumber }}</div><div class="muted">{{ 'service.statistics.openClosed' | translate: { open: s.total.open, closed: s.total.closed } }}</div></div>
            <div class="kpi"><div class="kpi-label">{{ 'service.statistics.onTimeRate' | translate }}</div><nz-progress nzType="dashboard" [nzWidth]="90" [nzPercent]="pct(s.total.onTimeRate) ?? 0" [nzFormat]="fmt(s.total.onTimeRate)" /></div>
            <div class="kpi"><div class="kpi-label">{{ 'service.statistics.satisfiedRate' | translate }}</div><nz-progress nzType="dashboard" [nzWidth]="90" nzStrokeColor="#52c41a" [nzPercent]="pct(s.total.satisfiedRate) ?? 0" [nzFormat]="fmt(s.total.satisfiedRate)" /></div>
            <div class="kpi"><div class="kpi-label">{{ 'service.statistics.averageRating' | translate }}</div><div class="kpi-value">{{ s.total.averageRating != null ? (s.total.averageRating | localNumber: { maximumFractionDigits: 2 }) : '—' }}</div><div class="muted">{{ 'service.statistics.visits' | translate: { n: s.total.returnVisits } }}</div></div>
          </div>
          @for (g of groups; track g.key) {
            <nz-card nzSize="small" [nzTitle]="'service.statistics.by.' + g.key | translate" class="gap" [attr.data-test]="'statistics-' + g.key">
              <nz-table #t [nzData]="rows(s, g.key)" [nzFrontPagination]="false" [nzShowPagination]="false" nzSize="small" [nzNoResult]="empty">
                <thead>
                  <tr>
                    <th>{{ 'service.statistics.group.' + g.key | translate }}</th>
                    <th nzWidth="220px">{{ 'service.statistics.count' | translate }}</th>
                    <th nzWidth="80px">{{ 'service.statistics.open' | translate }}</th>
                    <th nzWidth="200px">{{ 'service.statistics.onTimeRate' | translate }}</th>
                    <th nzWidth="200px">{{ 'service.statistics.satisfiedRate' | translate }}</th>
                    <th nzWidth="110px">{{ 'service.statistics.averageRating' | translate }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of t.data; track r.key) {
                    <tr>
                      <td>
                        @if (g.dictionary) {
                          <app-dictionary-tag [type]="g.dictionary" [code]="r.key" [tag]="g.key === 'severity'" />
                        } @else {
                          {{ r.label ?? ('service.statistics.noDepartment' | translate) }}
                        }
                      </td>
                      <td><nz-progress [nzPercent]="share(r, s.total.count)" [nzFormat]="countFmt(r)" nzSize="small" /></td>
                      <td>{{ r.open }}</td>
                      <td><nz-progress [nzPercent]="pct(r.onTimeRate) ?? 0" [nzFormat]="fmt(r.onTimeRate)" nzSize="small" [nzStatus]="r.onTimeRate != null && +r.onTimeRate < 0.8 ? 'exception' : 'normal'" /></td>
                      <td><nz-progress [nzPercent]="pct(r.satisfiedRate) ?? 0" [nzFormat]="fmt(r.satisfiedRate)" nzSize="small" nzStrokeColor="#52c41a" /></td>
                      <td>{{ r.averageRating != null ? (r.averageRating | localNumber: { maximumFractionDigits: 2 }) : '—' }}</td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            </nz-card>
          }
        } @else if (!store.loading()) {
          <nz-empty [nzNotFoundContent]="'service.common.loadFailed' | translate" />
        }
      </nz-spin>
      <ng-template #empty><nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'service.statistics.empty' | translate" /></ng-template>
    </div>
  `,
  styles: `
    .period { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; margin-bottom: 8px; }
    .kpi { background: #fafafa; border-radius: 6px; padding: 12px 16px; text-align: center; }
    .kpi-label { color: rgba(0, 0, 0, 0.45); margin-bottom: 6px; }
    .kpi-value { font-size: 28px; font-weight: 500; }
    .gap { margin-top: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplaintStatisticsPage implements OnInit {
  protected readonly store = inject(ComplaintStatisticsStore);
  private readonly problems = inject(ProblemMessageService);
  protected readonly periods: StatisticsPeriod[] = ['last7', 'last30', 'thisMonth', 'lastMonth', 'thisYear', 'all', 'custom'];
  protected readonly groups = [
    { key: 'type', dictionary: COMPLAINT_DICTIONARIES.type },
    { key: 'department', dictionary: null },
    { key: 'severity', dictionary: COMPLAINT_DICTIONARIES.severity },
  ] as const;
  protected readonly pct = percent;

  ngOnInit(): void {
    this.store.load().catch((e) => this.problems.show(e));
  }

  protected rows(s: NonNullable<ReturnType<typeof this.store.statistics>>, key: 'type' | 'department' | 'severity'): StatisticsRow[] {
    return key === 'type' ? s.byType : key === 'department' ? s.byDepartment : s.bySeverity;
  }

  protected share(row: StatisticsRow, total: number | string): number {
    return Number(total) ? Math.round((Number(row.count) / Number(total)) * 100) : 0;
  }

  protected countFmt(row: StatisticsRow): (p: number) => string {
    return () => String(row.count);
  }

  protected fmt(rate: number | string | null | undefined): (p: number) => string {
    const p = percent(rate);
    return () => (p === null ? '—' : `${p}%`);
  }

  protected setPeriod(period: StatisticsPeriod): void {
    if (period === 'custom') {
      this.store.setPeriod('custom', this.store.custom());
      return;
    }
    this.store.setPeriod(period).catch((e) => this.problems.show(e));
  }

  protected setCustom(range: Date[] | null): void {
    if (!range || range.length < 2) return;
    this.store.setPeriod('custom', [range[0], range[1]]).catch((e) => this.problems.show(e));
  }
}
