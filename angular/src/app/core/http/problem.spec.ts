import { HttpErrorResponse } from '@angular/common/http';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('reads the stable code and the field errors of a validation answer', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { code: 'validation_failed', title: 'Invalid', errors: { name: ['Too long'] }, errorCodes: { name: ['maximum_length'] } },
    });
    expect(toProblem(error)).toEqual({
      status: 400,
      code: 'validation_failed',
      title: 'Invalid',
      detail: undefined,
      errors: { name: ['Too long'] },
      errorCodes: { name: ['maximum_length'] },
    });
  });

  it('reads a problem that came back as text', () => {
    const error = new HttpErrorResponse({ status: 403, error: JSON.stringify({ code: 'edition.limit_reached', title: 'Edition limit: at most 2 users.' }) });
    expect(toProblem(error)).toMatchObject({ status: 403, code: 'edition.limit_reached', title: 'Edition limit: at most 2 users.' });
  });

  it('names network failures and unknown answers', () => {
    expect(toProblem(new HttpErrorResponse({ status: 0 })).code).toBe('network_error');
    expect(toProblem(new HttpErrorResponse({ status: 502, error: 'Bad gateway' })).code).toBe('error');
    expect(toProblem(new Error('boom')).title).toBe('boom');
  });
});
