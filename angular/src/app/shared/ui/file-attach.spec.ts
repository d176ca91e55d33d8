import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { LoadingOutline, PaperClipOutline, CloseOutline } from '@ant-design/icons-angular/icons';
import { FileAttach, FileUpload, StagedFile } from './file-attach';

/** A parent as the forms use it: two-way files, its own upload function. */
@Component({
  imports: [FileAttach],
  template: `<app-file-attach testId="note" [upload]="upload" [(files)]="files" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly files = signal<StagedFile[]>([]);
  upload: FileUpload = () => Promise.resolve(null);
  readonly attach = viewChild.required(FileAttach);
}

/** An upload the test finishes when it wants to. */
interface Pending {
  name: string;
  finish: (result: StagedFile | null) => Promise<void>;
}

describe('file attach', () => {
  let fixture: ComponentFixture<Host>;
  let started: Pending[];

  const el = (test: string) => fixture.nativeElement.querySelector(`[data-test="${test}"]`) as HTMLElement | null;
  const tags = () => Array.from(fixture.nativeElement.querySelectorAll('[data-test="note-pending-file"]')).map((e) => (e as HTMLElement).textContent?.trim());
  const staged = (name: string, size = 10): StagedFile => ({ fileId: 'id-' + name, fileName: name, size });

  async function settle(): Promise<void> {
    await Promise.resolve();
    await fixture.whenStable();
  }

  async function choose(...names: string[]): Promise<void> {
    const input = el('note-file-input') as HTMLInputElement;
    // jsdom has no DataTransfer: the list the browser would hand over is set directly
    Object.defineProperty(input, 'files', { value: names.map((name) => new File(['x'], name)), configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  beforeEach(async () => {
    started = [];
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideTranslateService(), provideNzIcons([LoadingOutline, PaperClipOutline, CloseOutline])],
    });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.upload = (file: File) =>
      new Promise<StagedFile | null>((resolve) => {
        started.push({
          name: file.name,
          finish: async (result) => {
            resolve(result);
            await settle();
          },
        });
      });
    await fixture.whenStable();
  });

  it('uploads the chosen files one after another, in order, into the parent\'s list', async () => {
    await choose('a.pdf', 'b.png');
    expect(started.map((u) => u.name)).toEqual(['a.pdf']);

    await started[0].finish(staged('a.pdf', 10));
    expect(started.map((u) => u.name)).toEqual(['a.pdf', 'b.png']);
    expect(tags()).toEqual(['a.pdf (10 B)']);

    await started[1].finish(staged('b.png', 2048));
    expect(tags()).toEqual(['a.pdf (10 B)', 'b.png (2.0 KB)']);
    expect(fixture.componentInstance.files().map((f) => f.fileId)).toEqual(['id-a.pdf', 'id-b.png']);
  });

  it('stops at the first failed upload and keeps the files before it', async () => {
    await choose('a.pdf', 'broken.bin', 'c.txt');
    await started[0].finish(staged('a.pdf'));
    await started[1].finish(null);

    expect(started.map((u) => u.name)).toEqual(['a.pdf', 'broken.bin']);
    expect(tags()).toEqual(['a.pdf (10 B)']);
    expect(fixture.componentInstance.attach().uploading()).toBe(false);
  });

  it('adds to the files staged before and removes one when its tag is closed', async () => {
    fixture.componentInstance.files.set([staged('old.csv')]);
    await choose('new.txt');
    await started[0].finish(staged('new.txt'));
    expect(tags()).toEqual(['old.csv (10 B)', 'new.txt (10 B)']);

    const close = fixture.nativeElement.querySelector('[data-test="note-pending-file"] [data-test="note-remove-file"]') as HTMLButtonElement;
    // a real button (focusable, Enter and Space click it) named for screen readers
    expect(close.tagName).toBe('BUTTON');
    expect(close.type).toBe('button');
    expect(close.getAttribute('aria-label')).toBe('common.files.remove');
    close.click();
    await settle();
    expect(fixture.componentInstance.files().map((f) => f.fileName)).toEqual(['new.txt']);
    expect(tags()).toEqual(['new.txt (10 B)']);
  });

  it('shows the uploading state and holds the button until the last upload answered', async () => {
    expect(fixture.componentInstance.attach().uploading()).toBe(false);
    expect(el('note-pending-files')).toBeNull();

    await choose('a.pdf', 'b.png');
    expect(fixture.componentInstance.attach().uploading()).toBe(true);
    expect(el('note-uploading')).not.toBeNull();
    expect((el('note-attach') as HTMLButtonElement).disabled).toBe(true);

    await started[0].finish(staged('a.pdf'));
    expect(fixture.componentInstance.attach().uploading()).toBe(true);

    await started[1].finish(staged('b.png'));
    expect(fixture.componentInstance.attach().uploading()).toBe(false);
    expect(el('note-uploading')).toBeNull();
    expect((el('note-attach') as HTMLButtonElement).disabled).toBe(false);
  });

  it('ignores a picker closed without a choice', async () => {
    await choose();
    expect(started).toEqual([]);
    expect(fixture.componentInstance.attach().uploading()).toBe(false);
  });

  it('after a reset, drops an upload that was still on its way and stages nothing', async () => {
    await choose('late.pdf', 'later.pdf');
    fixture.componentInstance.attach().reset();
    await settle();
    expect(fixture.componentInstance.attach().uploading()).toBe(false);

    await started[0].finish(staged('late.pdf'));
    expect(fixture.componentInstance.files()).toEqual([]);
    expect(started).toHaveLength(1); // the rest of that choice is not uploaded either
  });
});
