import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartOption, ReportResult } from '../model/report';

// Only the parts the reports draw, so the lazy chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The chart of a report: the chosen measures per row. */
@Component({
  selector: 'app-report-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts })],
  template: `<div echarts class="chart" [options]="option()" data-test="report-chart"></div>`,
  styles: `.chart { height: 340px; width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportChart {
  readonly result = input.required<ReportResult>();
  readonly measures = input.required<string[]>();
  protected readonly option = computed(() => chartOption(this.result(), this.measures()));
}
