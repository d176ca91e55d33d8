import { inject, Injectable } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Problem, problemKey, toProblem } from './problem';

/**
 * Turns API failures into text in the user's language: a known `code` has its own translation
 * (errors.<code>), otherwise the server's own detail or title is shown.
 */
@Injectable({ providedIn: 'root' })
export class ProblemMessageService {
  private readonly translate = inject(TranslateService);
  private readonly message = inject(NzMessageService);

  text(error: unknown): string {
    const problem = toProblem(error);
    return this.problemText(problem);
  }

  problemText(problem: Problem): string {
    const key = problemKey(problem);
    const translated = (this.translate.instant(key, { detail: problem.detail ?? '' }) as string).trim();
    if (translated !== key) return translated;
    return problem.detail ?? problem.title ?? (this.translate.instant('errors.error') as string);
  }

  /** The message of one field error code (validation.<code>), or the server's message. */
  fieldText(code: string | undefined, serverMessage: string): string {
    if (!code) return serverMessage;
    const key = `validation.${code}`;
    const translated = this.translate.instant(key) as string;
    return translated !== key ? translated : serverMessage;
  }

  /** Shows the failure as a toast; returns the problem for callers that need the code. */
  show(error: unknown): Problem {
    const problem = toProblem(error);
    this.message.error(this.problemText(problem), { nzDuration: 5000 });
    return problem;
  }
}
