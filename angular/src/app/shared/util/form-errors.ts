import { AbstractControl, FormGroup } from '@angular/forms';

/** Field errors of an API answer, already in the user's language. */
export type FieldMessages = Record<string, string>;

/**
 * Puts the API's per-field messages on the matching form controls (error key `server`),
 * so they show under the fields. Returns the messages for fields the form does not have.
 */
export function applyServerErrors(form: FormGroup, messages: FieldMessages): FieldMessages {
  const unmatched: FieldMessages = {};
  for (const [field, message] of Object.entries(messages)) {
    const control = findControl(form, field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched[field] = message;
    }
  }
  return unmatched;
}

function findControl(form: FormGroup, field: string): AbstractControl | null {
  const direct = form.get(field);
  if (direct) return direct;
  const lower = field.toLowerCase();
  const name = Object.keys(form.controls).find((key) => key.toLowerCase() === lower);
  return name ? form.controls[name] : null;
}

/** Marks every control dirty and touched so their validation messages show; true when the form is valid. */
export function validateForm(form: FormGroup): boolean {
  for (const control of Object.values(form.controls)) {
    control.markAsDirty();
    control.markAsTouched();
    control.updateValueAndValidity({ onlySelf: true });
  }
  // the controls above did not tell their group (onlySelf): without this a group that was invalid when its
  // validators were swapped (e.g. a follow-up form reopened after a check-in) stays invalid for good
  form.updateValueAndValidity();
  return form.valid;
}
