import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TimelineEntry } from '../../../shared/api/generated';
import { callDuration, timelineCall } from '../model/timeline';

/** One call on the customer's timeline: direction, number and contact, talk time, status and the recording link. */
@Component({
  selector: 'app-timeline-call',
  imports: [TranslatePipe, NzIconModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (call(); as c) {
      <span class="call" data-test="timeline-call">
        <nz-icon nzType="phone" />
        <nz-icon [nzType]="c.direction === 'In' ? 'arrow-left' : 'arrow-right'" />
        <strong data-test="timeline-call-direction">{{ 'customers.timelineCall.' + c.direction | translate }}</strong>
        <span data-test="timeline-call-number">{{ entry().title }}</span>
        @if (entry().detail) {
          <span class="muted">· {{ entry().detail }}</span>
        }
        @if (c.durationSeconds !== null) {
          <span data-test="timeline-call-duration">· {{ 'customers.timelineCall.duration' | translate: { duration: duration() } }}</span>
        }
        @if (c.status) {
          <nz-tag [nzColor]="c.status === 'Missed' ? 'red' : c.status === 'Ended' ? 'default' : 'processing'" data-test="timeline-call-status">{{
            'customers.timelineCall.status.' + c.status | translate
          }}</nz-tag>
        }
        @if (c.recordingUrl) {
          <a [href]="c.recordingUrl" target="_blank" rel="noopener noreferrer" data-test="timeline-call-recording"
            ><nz-icon nzType="sound" /> {{ 'customers.timelineCall.recording' | translate }}</a
          >
        }
      </span>
    }
  `,
  styles: `
    .call {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      margin-right: 8px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class TimelineCall {
  readonly entry = input.required<TimelineEntry>();
  protected readonly call = computed(() => timelineCall(this.entry()));
  protected readonly duration = computed(() => callDuration(this.call()?.durationSeconds ?? 0));
}
