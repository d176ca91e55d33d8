import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideTranslateService } from '@ngx-translate/core';
import { provideNzDateFnsAdapter } from 'ng-zorro-antd/core/time';
import { en_US, provideNzI18n } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { APP_ICONS } from '../../../core/icons';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { DictionariesService } from '../../../shared/api/generated';
import { CustomerDetailStore } from '../data/customer-detail.store';
import { Contact, FollowUp } from '../model/customer';
import { FollowUpFormDialog } from './follow-up-form.dialog';

describe('follow-up form dialog', () => {
  let fixture: ComponentFixture<FollowUpFormDialog>;
  let store: { addFollowUp: ReturnType<typeof vi.fn>; updateFollowUp: ReturnType<typeof vi.fn>; uploadFollowUpFile: ReturnType<typeof vi.fn> };
  let saved: FollowUp[];

  const answer = { id: 'f9' } as FollowUp;
  const contact = (id: string, isPrimary: boolean) => ({ id, name: id, isPrimary }) as Contact;
  const existing = {
    id: 'f1',
    methodCode: 'visit',
    content: 'Brought samples',
    result: null,
    at: '2025-03-01T02:00:00.000Z',
    contactId: 'k1',
    concurrencyStamp: 'stamp-1',
    attachments: [{ fileId: 'file-1', fileName: 'photo.jpg', size: 2048 }],
  } as unknown as FollowUp;

  /** The modal renders into the overlay container, outside the fixture's element. */
  const el = (test: string) => document.querySelector(`[data-test="${test}"]`) as HTMLElement | null;
  const form = () => (fixture.componentInstance as unknown as { form: FormGroup }).form;

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await Promise.resolve();
    await fixture.whenStable();
  }

  async function open(followUp: FollowUp | null, contacts: Contact[] = []): Promise<void> {
    fixture.componentRef.setInput('contacts', contacts);
    fixture.componentRef.setInput('followUp', followUp);
    fixture.componentRef.setInput('open', true);
    await settle();
  }

  async function type(test: string, text: string): Promise<void> {
    const input = el(test) as HTMLTextAreaElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await settle();
  }

  /** Enter in a field, or the dialog's OK: both submit the form. */
  async function submit(): Promise<void> {
    el('follow-up-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  }

  beforeEach(async () => {
    saved = [];
    store = {
      addFollowUp: vi.fn().mockResolvedValue(answer),
      updateFollowUp: vi.fn().mockResolvedValue(answer),
      uploadFollowUpFile: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideTranslateService(),
        provideNzIcons(APP_ICONS),
        provideNzI18n(en_US),
        provideNzDateFnsAdapter(),
        { provide: CustomerDetailStore, useValue: store },
        { provide: DictionariesService, useValue: { apiDictionariesTypeCodeItemsGet: vi.fn().mockResolvedValue([]) } },
        { provide: NzMessageService, useValue: { success: vi.fn() } },
        { provide: LanguageService, useValue: { instant: (key: string) => key } },
        { provide: ProblemMessageService, useValue: { show: vi.fn(), fieldText: (_: unknown, text: string) => text } },
      ],
    });
    fixture = TestBed.createComponent(FollowUpFormDialog);
    fixture.componentInstance.saved.subscribe((f) => saved.push(f));
    await fixture.whenStable();
  });

  it('records a new follow-up with the primary contact and a next follow-up, and emits what was saved', async () => {
    await open(null, [contact('k1', false), contact('k2', true)]);
    await type('follow-up-content', '  Called about the spring order  ');
    const due = new Date('2025-04-01T02:00:00.000Z');
    form().patchValue({ scheduleNext: true, nextDueAt: due, nextSubject: 'Send the quote', nextChannels: ['Email', 'InApp'] });
    await submit();

    expect(store.addFollowUp).toHaveBeenCalledTimes(1);
    const request = store.addFollowUp.mock.calls[0][0];
    expect(request).toEqual({
      methodCode: 'phone',
      content: 'Called about the spring order',
      result: null,
      at: expect.any(String),
      contactId: 'k2',
      checkIn: null,
      nextFollowUp: { dueAt: due.toISOString(), subject: 'Send the quote', channels: 'InApp, Email' },
      attachmentFileIds: [],
    });
    expect(saved).toEqual([answer]);
  });

  it('saves nothing without content, nor a next follow-up without its date, nor a check-in without coordinates', async () => {
    await open(null);
    await submit();
    expect(form().controls['content'].hasError('required')).toBe(true);

    await type('follow-up-content', 'Visited');
    form().patchValue({ scheduleNext: true });
    await submit();
    expect(form().controls['nextDueAt'].hasError('required')).toBe(true);

    form().patchValue({ scheduleNext: false, checkIn: true });
    await settle();
    expect(el('checkin-fields')).not.toBeNull();
    await submit();
    expect(form().controls['latitude'].hasError('required')).toBe(true);
    expect(store.addFollowUp).not.toHaveBeenCalled();
    expect(saved).toEqual([]);

    form().patchValue({ latitude: 31.2304, longitude: 121.4737, address: 'Pudong' });
    await submit();
    expect(store.addFollowUp.mock.calls[0][0].checkIn).toEqual({ latitude: 31.2304, longitude: 121.4737, accuracyMeters: null, address: 'Pudong', photoNote: null });
    expect(saved).toEqual([answer]);
  });

  it('corrects a follow-up: its text and files with its stamp, without offering a check-in or reminder', async () => {
    await open(existing, [contact('k1', true)]);
    expect((el('follow-up-content') as HTMLTextAreaElement).value).toBe('Brought samples');
    expect(el('follow-up-checkin')).toBeNull();
    expect(el('follow-up-schedule')).toBeNull();
    expect(el('follow-up-pending-file')?.textContent).toContain('photo.jpg');

    await type('follow-up-content', 'Brought samples, signed for');
    await submit();

    expect(store.addFollowUp).not.toHaveBeenCalled();
    expect(store.updateFollowUp).toHaveBeenCalledWith('f1', {
      methodCode: 'visit',
      content: 'Brought samples, signed for',
      result: null,
      at: '2025-03-01T02:00:00.000Z',
      contactId: 'k1',
      concurrencyStamp: 'stamp-1',
      attachmentFileIds: ['file-1'],
    });
    expect(saved).toEqual([answer]);
  });

  it('puts the server\'s validation errors on their fields and emits nothing', async () => {
    store.addFollowUp.mockRejectedValue(
      new HttpErrorResponse({ status: 400, error: { code: 'validation_failed', errors: { content: ['Too long for the server'] } } }),
    );
    await open(null);
    await type('follow-up-content', 'Called');
    await submit();

    expect(store.addFollowUp).toHaveBeenCalledTimes(1);
    expect(form().controls['content'].errors).toEqual({ server: 'Too long for the server' });
    expect(saved).toEqual([]);
  });

  it('starts afresh when opened again: the primary contact, no files, no leftovers', async () => {
    await open(existing, [contact('k1', false), contact('k2', true)]);
    fixture.componentRef.setInput('open', false);
    await settle();
    await open(null, [contact('k1', false), contact('k2', true)]);

    expect((el('follow-up-content') as HTMLTextAreaElement).value).toBe('');
    expect(form().getRawValue()).toMatchObject({ methodCode: 'phone', contactId: 'k2', checkIn: false, scheduleNext: false, nextChannels: ['InApp'] });
    expect(el('follow-up-pending-file')).toBeNull();
  });
});
