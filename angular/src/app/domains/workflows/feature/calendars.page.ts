import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TranslateService } from '@ngx-translate/core';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { WorkflowApi } from '../data/workflow-api';
import type { BusinessCalendar, Holiday, WeeklyHours } from '../model/api';

const WEEK = [1, 2, 3, 4, 5, 6, 0];

function blank(): BusinessCalendar {
  return {
    id: '',
    name: '',
    timeZone: 'Asia/Shanghai',
    weeklyHours: WEEK.map((d) => ({ dayOfWeek: d, intervals: d >= 1 && d <= 5 ? [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }] : [] })),
    holidays: [],
  };
}

/** /admin/workflows/calendars: business calendars (time zone, weekly hours with several intervals a day, holidays, departments using it). */
@Component({
  selector: 'app-workflow-calendars-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzGridModule, NzCardModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzDatePickerModule, NzTagModule, NzPopconfirmModule, NzEmptyModule],
  template: `
    <div class="page-card">
      <div class="page-head">
        <h2 class="page-title" data-test="page-title">{{ 'workflows.calendars.title' | translate }}</h2>
        @if (canManage()) {
          <button nz-button (click)="edit(null)"><nz-icon nzType="plus" /> {{ 'workflows.calendars.create' | translate }}</button>
        }
      </div>
      <div nz-row [nzGutter]="16">
        <div nz-col [nzSpan]="7">
          <nz-card nzSize="small" data-test="calendar-list">
            @for (c of calendars(); track c.id) {
              <div class="cal" [class.active]="c.id === current()?.id" (click)="edit(c)">
                <strong>{{ c.name }}</strong>
                @if (c.isDefault) {
                  <nz-tag nzColor="blue">{{ 'workflows.calendars.default' | translate }}</nz-tag>
                }
                <div class="muted">{{ c.timeZone }}</div>
              </div>
            } @empty {
              <nz-empty [nzNotFoundContent]="(failed() ? 'common.loadFailed' : 'common.empty') | translate" />
            }
          </nz-card>
        </div>
        <div nz-col [nzSpan]="17">
          @if (current(); as c) {
            <nz-card nzSize="small" [nzTitle]="c.name || ('workflows.calendars.create' | translate)" data-test="calendar-editor">
              <div class="grid">
                <label>{{ 'workflows.calendars.name' | translate }}</label>
                <input nz-input [disabled]="!canManage()" [(ngModel)]="c.name" />
                <label>{{ 'workflows.trigger.timeZone' | translate }}</label>
                <nz-select nzShowSearch [nzDisabled]="!canManage()" [(ngModel)]="c.timeZone">
                  @for (z of zones; track z) {
                    <nz-option [nzValue]="z" [nzLabel]="z" />
                  }
                </nz-select>
              </div>
              <h4>{{ 'workflows.calendars.weeklyHours' | translate }}</h4>
              @for (day of c.weeklyHours; track day.dayOfWeek) {
                <div class="day">
                  <span class="dayname">{{ 'workflows.calendars.days.' + day.dayOfWeek | translate }}</span>
                  @for (iv of day.intervals; track $index; let i = $index) {
                    <span class="iv">
                      <input nz-input class="time" [disabled]="!canManage()" [(ngModel)]="iv.from" placeholder="09:00" />–<input nz-input class="time" [disabled]="!canManage()" [(ngModel)]="iv.to" placeholder="18:00" />
                      @if (canManage()) {
                        <button nz-button nzType="text" nzSize="small" (click)="removeInterval(day, i)"><nz-icon nzType="close" /></button>
                      }
                    </span>
                  } @empty {
                    <span class="muted">{{ 'workflows.calendars.closed' | translate }}</span>
                  }
                  @if (canManage()) {
                    <button nz-button nzType="link" nzSize="small" (click)="day.intervals.push({ from: '09:00', to: '18:00' })"><nz-icon nzType="plus" /></button>
                  }
                </div>
              }
              <h4>{{ 'workflows.calendars.holidays' | translate }}</h4>
              @for (h of c.holidays; track $index; let i = $index) {
                <div class="day">
                  <input nz-input type="date" class="date" [disabled]="!canManage()" [(ngModel)]="h.date" />
                  <input nz-input class="hname" [disabled]="!canManage()" [(ngModel)]="h.name" [placeholder]="'workflows.calendars.holidayName' | translate" />
                  @if (canManage()) {
                    <button nz-button nzType="text" nzDanger (click)="removeHoliday(c, i)"><nz-icon nzType="delete" /></button>
                  }
                </div>
              }
              @if (canManage()) {
                <button nz-button nzType="dashed" nzSize="small" (click)="c.holidays.push(newHoliday())"><nz-icon nzType="plus" /> {{ 'workflows.calendars.addHoliday' | translate }}</button>
              }
              <h4>{{ 'workflows.calendars.departments' | translate }}</h4>
              @for (d of c.departments ?? []; track d.id) {
                <nz-tag>{{ d.name }}</nz-tag>
              } @empty {
                <span class="muted">{{ 'workflows.calendars.noDepartments' | translate }}</span>
              }
              @if (canManage()) {
                <div class="actions">
                  <button nz-button nzType="primary" (click)="save(c)" [nzLoading]="saving()">{{ 'common.save' | translate }}</button>
                  @if (c.id && !c.isDefault) {
                    <button nz-button nzDanger nz-popconfirm [nzPopconfirmTitle]="'common.deleteConfirm' | translate" (nzOnConfirm)="remove(c)">{{ 'common.delete' | translate }}</button>
                  }
                </div>
              }
            </nz-card>
          }
        </div>
      </div>
    </div>
  `,
  styles: `
    .cal { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
    .cal.active { background: #e6f4ff; }
    .grid { display: grid; grid-template-columns: 140px minmax(0, 1fr); gap: 8px 12px; align-items: center; }
    .day { display: flex; gap: 8px; align-items: center; margin-bottom: 6px; flex-wrap: wrap; }
    .dayname { width: 80px; }
    .time { width: 72px; }
    .iv { display: inline-flex; align-items: center; gap: 2px; }
    .date { width: 160px; }
    .hname { width: 220px; }
    .actions { margin-top: 16px; display: flex; gap: 8px; }
    h4 { margin-top: 16px; }
  `,
})
export class WorkflowCalendarsPage implements OnInit {
  private readonly api = inject(WorkflowApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly permissions = inject(PermissionStore);
  readonly calendars = signal<BusinessCalendar[]>([]);
  readonly current = signal<BusinessCalendar | null>(null);
  readonly failed = signal(false);
  readonly saving = signal(false);
  readonly canManage = computed(() => this.permissions.has('Workflows.Calendars'));
  readonly zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];

  async ngOnInit(): Promise<void> {
    await this.load();
  }
  async load(): Promise<void> {
    try {
      this.calendars.set(await this.api.calendars());
      this.failed.set(false);
    } catch (error) {
      this.failed.set(true);
      this.problems.show(error);
    }
  }
  /** Edits a copy with every weekday present (Monday first). */
  edit(c: BusinessCalendar | null): void {
    const base = c ? (structuredClone(c) as BusinessCalendar) : blank();
    base.weeklyHours = WEEK.map((d) => base.weeklyHours.find((w) => w.dayOfWeek === d) ?? { dayOfWeek: d, intervals: [] });
    this.current.set(base);
  }
  newHoliday = (): Holiday => ({ date: new Date().toISOString().slice(0, 10), name: '' });
  removeInterval(day: WeeklyHours, i: number): void {
    day.intervals.splice(i, 1);
  }
  removeHoliday(c: BusinessCalendar, i: number): void {
    c.holidays.splice(i, 1);
  }
  async save(c: BusinessCalendar): Promise<void> {
    this.saving.set(true);
    const body = { name: c.name, timeZone: c.timeZone, isDefault: c.isDefault, weeklyHours: c.weeklyHours, holidays: c.holidays, concurrencyStamp: c.concurrencyStamp, departmentIds: (c.departments ?? []).map((d) => d.id) };
    try {
      const saved = c.id ? await this.api.updateCalendar(c.id, body) : await this.api.createCalendar(body);
      this.message.success(this.translate.instant('common.saved'));
      await this.load();
      this.edit(saved);
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.saving.set(false);
    }
  }
  async remove(c: BusinessCalendar): Promise<void> {
    try {
      await this.api.deleteCalendar(c.id);
      this.current.set(null);
      await this.load();
    } catch (error) {
      this.problems.show(error);
    }
  }
}
