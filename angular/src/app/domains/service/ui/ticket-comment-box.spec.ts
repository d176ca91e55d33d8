import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../../core/icons';
import { StagedFile } from '../../../shared/ui/file-attach';
import { CommentDraft, TicketCommentBox } from './ticket-comment-box';

describe('ticket comment box', () => {
  let fixture: ComponentFixture<TicketCommentBox>;
  let sent: CommentDraft[];
  let sendSucceeds: boolean;
  let uploads: Record<string, StagedFile | null>;

  const el = (test: string) => fixture.nativeElement.querySelector(`[data-test="${test}"]`) as HTMLElement;
  const all = (test: string) => Array.from(fixture.nativeElement.querySelectorAll(`[data-test="${test}"]`)) as HTMLElement[];

  async function type(text: string): Promise<void> {
    const area = el('comment-text') as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(...names: string[]): Promise<void> {
    const input = el('comment-file-input') as HTMLInputElement;
    // jsdom has no DataTransfer: the list the browser would hand over is set directly
    Object.defineProperty(input, 'files', { value: names.map((name) => new File(['x'], name)), configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    // the uploads are promises resolved one after the other
    for (let i = 0; i < names.length + 1; i++) await Promise.resolve();
    await fixture.whenStable();
  }

  async function send(): Promise<void> {
    el('comment-send').click();
    await fixture.whenStable();
    await Promise.resolve();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    sent = [];
    sendSucceeds = true;
    uploads = {};
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideTranslateService(), provideNzIcons(APP_ICONS)],
    });
    fixture = TestBed.createComponent(TicketCommentBox);
    fixture.componentRef.setInput('upload', (file: File) => Promise.resolve(uploads[file.name] ?? null));
    fixture.componentRef.setInput('send', (draft: CommentDraft) => {
      sent.push(draft);
      return Promise.resolve(sendSucceeds);
    });
    await fixture.whenStable();
  });

  it('sends the text with the staged files and clears the draft once sent', async () => {
    uploads = { 'a.pdf': { fileId: 'f1', fileName: 'a.pdf', size: 10 }, 'b.png': { fileId: 'f2', fileName: 'b.png', size: 2048 } };
    await choose('a.pdf', 'b.png');
    expect(all('comment-pending-file').map((e) => e.textContent?.trim())).toEqual(['a.pdf (10 B)', 'b.png (2.0 KB)']);

    await type('  Replaced the filter  ');
    await send();

    expect(sent).toEqual([{ content: 'Replaced the filter', isInternal: false, fromCustomer: false, fileIds: ['f1', 'f2'] }]);
    expect((el('comment-text') as HTMLTextAreaElement).value).toBe('');
    expect(all('comment-pending-file')).toHaveLength(0);
  });

  it('keeps the text and files when sending fails', async () => {
    uploads = { 'a.pdf': { fileId: 'f1', fileName: 'a.pdf', size: 10 } };
    await choose('a.pdf');
    await type('Call back tomorrow');
    sendSucceeds = false;
    await send();

    expect(sent).toHaveLength(1);
    expect((el('comment-text') as HTMLTextAreaElement).value).toBe('Call back tomorrow');
    expect(all('comment-pending-file')).toHaveLength(1);
  });

  it('holds the send button while files are uploading', async () => {
    let finish!: (file: StagedFile) => void;
    fixture.componentRef.setInput('upload', () => new Promise<StagedFile>((resolve) => (finish = resolve)));
    await type('With a photo');
    await choose('photo.png');
    expect((el('comment-send') as HTMLButtonElement).disabled).toBe(true);

    finish({ fileId: 'f9', fileName: 'photo.png', size: 100 });
    await Promise.resolve();
    await fixture.whenStable();
    expect((el('comment-send') as HTMLButtonElement).disabled).toBe(false);
  });

  it('does not send blank text', async () => {
    await type('   ');
    expect((el('comment-send') as HTMLButtonElement).disabled).toBe(true);
  });
});
