import { inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { applyServerErrors, FieldMessages } from '../../shared/util/form-errors';
import { toProblem } from './problem';
import { ProblemMessageService } from './problem-message.service';

/**
 * Reports a failed save of a form: validation errors go on their fields, anything else (and field
 * errors the form has no control for) is shown as a message. Call inside an injection context.
 */
export function injectFormErrorReporter() {
  const messages = inject(ProblemMessageService);
  return (form: FormGroup, error: unknown): void => {
    const problem = toProblem(error);
    if (problem.code !== 'validation_failed') {
      messages.show(error);
      return;
    }
    const fields: FieldMessages = {};
    for (const [field, texts] of Object.entries(problem.errors)) {
      fields[field] = messages.fieldText(problem.errorCodes[field]?.[0], texts[0] ?? '');
    }
    const unmatched = applyServerErrors(form, fields);
    if (Object.keys(unmatched).length > 0) messages.show(error);
  };
}
