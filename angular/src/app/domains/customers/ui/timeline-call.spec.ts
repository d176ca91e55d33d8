import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ArrowLeftOutline, ArrowRightOutline, PhoneOutline, SoundOutline } from '@ant-design/icons-angular/icons';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import en from '../../../core/i18n/translations/en-US.json';
import zh from '../../../core/i18n/translations/zh-CN.json';
import { TimelineEntry } from '../../../shared/api/generated';
import { callDuration, timelineCall } from '../model/timeline';
import { TimelineCall } from './timeline-call';

const entry = (data: Record<string, string> | null, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  kind: 'call',
  at: '2026-03-01T08:00:00Z',
  title: '138 1111 3333',
  detail: '王芳',
  userId: 'u1',
  userName: 'agent',
  refId: 'c1',
  data,
  link: '/callcenter/calls?customerId=x',
  ...extra,
});

describe('timeline call', () => {
  it('reads direction, status, duration and only http(s) recordings from the entry data', () => {
    expect(timelineCall(entry({ direction: 'Out', status: 'Ended', durationSeconds: '125', recordingUrl: 'https://pbx/r.mp3' }))).toEqual({
      direction: 'Out',
      status: 'Ended',
      durationSeconds: 125,
      recordingUrl: 'https://pbx/r.mp3',
    });
    expect(timelineCall(entry({ direction: 'In', recordingUrl: 'javascript:alert(1)' }))).toEqual({
      direction: 'In',
      status: null,
      durationSeconds: null,
      recordingUrl: null,
    });
    expect(timelineCall(entry(null, { kind: 'followUp' }))).toBeNull();
    expect(callDuration(95)).toBe('1:35');
    expect(callDuration(3725)).toBe('1:02:05');
  });

  async function render(e: TimelineEntry, language: 'en-US' | 'zh-CN'): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideTranslateService(), provideNzIcons([PhoneOutline, ArrowLeftOutline, ArrowRightOutline, SoundOutline])] });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation(language, language === 'en-US' ? en : zh);
    await new Promise((r) => translate.use(language).subscribe(r));
    const fixture = TestBed.createComponent(TimelineCall);
    fixture.componentRef.setInput('entry', e);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, test: string) => root.querySelector(`[data-test="${test}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows an incoming call with its number, talk time, status and recording link in English', async () => {
    const root = await render(entry({ direction: 'In', status: 'Ended', durationSeconds: '95', recordingUrl: 'https://pbx.example.com/rec/1.mp3' }), 'en-US');
    expect(root.querySelector('[data-test="timeline-call"] [nztype="phone"]')).not.toBeNull();
    expect(text(root, 'timeline-call-direction')).toBe('Incoming call');
    expect(text(root, 'timeline-call-number')).toBe('138 1111 3333');
    expect(text(root, 'timeline-call-duration')).toBe('· talk time 1:35');
    expect(text(root, 'timeline-call-status')).toBe('Ended');
    const link = root.querySelector<HTMLAnchorElement>('[data-test="timeline-call-recording"]')!;
    expect(link.getAttribute('href')).toBe('https://pbx.example.com/rec/1.mp3');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent!.trim()).toBe('Recording');
  });

  it('shows an outgoing missed call in Chinese without a recording link', async () => {
    const root = await render(entry({ direction: 'Out', status: 'Missed', durationSeconds: '0' }), 'zh-CN');
    expect(text(root, 'timeline-call-direction')).toBe('呼出');
    expect(text(root, 'timeline-call-duration')).toBe('· 通话时长 0:00');
    expect(text(root, 'timeline-call-status')).toBe('未接通');
    expect(root.querySelector('[data-test="timeline-call-recording"]')).toBeNull();
  });
});
