import { FormControl, FormGroup, Validators } from '@angular/forms';
import { validateForm } from './form-errors';

describe('validateForm', () => {
  it('marks the controls touched and answers whether the form is valid', () => {
    const form = new FormGroup({ name: new FormControl('', Validators.required) });
    expect(validateForm(form)).toBe(false);
    expect(form.controls.name.touched).toBe(true);
    form.controls.name.setValue('Acme');
    expect(validateForm(form)).toBe(true);
  });

  it('recomputes the group after validators were swapped while it was invalid', () => {
    const form = new FormGroup({ latitude: new FormControl<number | null>(null, Validators.required) });
    expect(form.valid).toBe(false);
    form.controls.latitude.setValidators([]);
    expect(validateForm(form)).toBe(true);
  });
});
