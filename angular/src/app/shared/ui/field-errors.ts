import { ChangeDetectionStrategy, Component, TemplateRef, viewChild } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The error text of a form field, for nz-form-control's nzErrorTip:
 * `<app-field-errors #errors />` … `[nzErrorTip]="errors.template()"`.
 * A message from the API (error key `server`) wins over the local checks.
 */
@Component({
  selector: 'app-field-errors',
  imports: [TranslatePipe],
  template: `
    <ng-template #tip let-control>
      {{ message(control) | translate }}
    </ng-template>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrors {
  readonly template = viewChild.required<TemplateRef<{ $implicit: AbstractControl }>>('tip');

  protected message(control: AbstractControl): string {
    const errors = control.errors ?? {};
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return 'validation.required';
    if (errors['email']) return 'validation.email_address';
    if (errors['maxlength']) return 'validation.maximum_length';
    if (errors['minlength']) return 'validation.minimum_length';
    if (errors['pattern'] && typeof errors['patternKey'] === 'string') return errors['patternKey'];
    if (errors['precision']) return 'validation.precision';
    return 'validation.invalid';
  }
}
