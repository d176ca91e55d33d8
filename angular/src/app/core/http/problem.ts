import { HttpErrorResponse } from '@angular/common/http';

/** An RFC 7807 answer of the API, with its stable `code` (and per-field `errors`/`errorCodes` for validation). */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors: Record<string, string[]>;
  errorCodes: Record<string, string[]>;
}

/** Reads any failure (HTTP or not) as a Problem; network failures get code `network_error`. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = readBody(error.error);
    return {
      status: error.status,
      code: typeof body['code'] === 'string' ? body['code'] : error.status === 0 ? 'network_error' : 'error',
      title: typeof body['title'] === 'string' ? body['title'] : undefined,
      detail: typeof body['detail'] === 'string' ? body['detail'] : undefined,
      errors: asFieldMap(body['errors']),
      errorCodes: asFieldMap(body['errorCodes']),
    };
  }
  return { status: 0, code: 'error', title: error instanceof Error ? error.message : undefined, errors: {}, errorCodes: {} };
}

/** The answer's JSON body; calls made with a text response type get it as a string. */
function readBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return {};
    }
  }
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

function asFieldMap(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return {};
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) result[field] = messages.map(String);
  }
  return result;
}

/** Translation key of a problem code, e.g. `errors.tenant.suspended`. */
export function problemKey(problem: Pick<Problem, 'code'>): string {
  return `errors.${problem.code}`;
}
