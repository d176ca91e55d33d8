import { inject, Injectable } from '@angular/core';
import { AccountService, ConsultationsService } from '../../../shared/api/generated';
import type { ApiConsultationsGet$Params, PagedResultOfConsultationListItemDto } from '../../../shared/api/generated';
import { Consultation, CreateConsultation } from '../model/consultation';

/** /api/consultations through the generated ConsultationsService. */
@Injectable({ providedIn: 'root' })
export class ConsultationApi {
  private readonly api = inject(ConsultationsService);

  list(query: ApiConsultationsGet$Params): Promise<PagedResultOfConsultationListItemDto> {
    return this.api.apiConsultationsGet(query);
  }
  get(id: string): Promise<Consultation> {
    return this.api.apiConsultationsIdGet({ id });
  }
  create(body: CreateConsultation): Promise<Consultation> {
    return this.api.apiConsultationsPost({ body });
  }
  answer(id: string, content: string, replyChannelCode: string | null): Promise<Consultation> {
    return this.api.apiConsultationsIdAnswerPost({ id, body: { content, replyChannelCode } });
  }
  transfer(id: string, departmentId: string, deadline: string | null, note: string | null): Promise<Consultation> {
    return this.api.apiConsultationsIdTransferPost({ id, body: { departmentId, deadline, note } });
  }
  departmentAnswer(id: string, content: string): Promise<Consultation> {
    return this.api.apiConsultationsIdDepartmentAnswerPost({ id, body: { content } });
  }
}

/** The signed-in user's id (for what the detail pages offer; the server still decides). */
@Injectable({ providedIn: 'root' })
export class CurrentUserId {
  private readonly account = inject(AccountService);
  /** Not cached: another user may sign in without a reload. */
  get(): Promise<string | null> {
    return this.account.apiAccountMeGet().then((p) => p.userId, () => null);
  }
}
