import { ChangeDetectionStrategy, Component, forwardRef, signal } from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { QuillEditorComponent } from 'ngx-quill';

/**
 * Rich text through Quill (ngx-quill): headings, emphasis, lists, quotes, code, links. It produces HTML, which the
 * server sanitises on every save, so what is shown later is never what a script put in.
 */
@Component({
  selector: 'app-rich-text-editor',
  imports: [FormsModule, QuillEditorComponent],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => RichTextEditor), multi: true }],
  styles: `:host, :host ::ng-deep quill-editor { display: block; } :host ::ng-deep .ql-editor { min-height: 260px; font-size: 14px; }`,
  template: `
    <quill-editor
      [ngModel]="value()"
      (ngModelChange)="change($event)"
      [modules]="modules"
      [readOnly]="disabled()"
      format="html"
      theme="snow"
      [styles]="{ height: 'auto' }"
      data-test="knowledge-editor-body"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RichTextEditor implements ControlValueAccessor {
  protected readonly value = signal<string>('');
  protected readonly disabled = signal(false);
  protected readonly modules = {
    toolbar: [
      [{ header: [2, 3, false] }],
      ['bold', 'italic', 'underline', 'strike'],
      [{ list: 'ordered' }, { list: 'bullet' }],
      ['blockquote', 'code-block', 'link'],
      ['clean'],
    ],
  };
  private onChange: (v: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected change(html: string | null): void {
    this.value.set(html ?? '');
    this.onChange(html ?? '');
    this.onTouched();
  }

  writeValue(v: string | null): void {
    this.value.set(v ?? '');
  }
  registerOnChange(fn: (v: string) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }
  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
