import { inject, Injectable } from '@angular/core';
import { ReturnsService } from '../../../shared/api/generated';
import type { ApiReturnsGet$Params, PagedResultOfReturnListItemDto, ReturnEntryRequest } from '../../../shared/api/generated';
import { ReturnEntry } from '../model/return';

/** /api/returns through the generated ReturnsService. */
@Injectable({ providedIn: 'root' })
export class ReturnApi {
  private readonly api = inject(ReturnsService);

  list(query: ApiReturnsGet$Params): Promise<PagedResultOfReturnListItemDto> {
    return this.api.apiReturnsGet(query);
  }
  get(id: string): Promise<ReturnEntry> {
    return this.api.apiReturnsIdGet({ id });
  }
  create(body: ReturnEntryRequest): Promise<ReturnEntry> {
    return this.api.apiReturnsPost({ body });
  }
  update(id: string, body: ReturnEntryRequest): Promise<ReturnEntry> {
    return this.api.apiReturnsIdPut({ id, body });
  }
  /** Approving and rejecting carry the approver's note; submitting and completing carry nothing. */
  action(id: string, action: 'submit' | 'approve' | 'reject' | 'complete', note?: string | null): Promise<ReturnEntry> {
    switch (action) {
      case 'submit':
        return this.api.apiReturnsIdSubmitPost({ id });
      case 'approve':
        return this.api.apiReturnsIdApprovePost({ id, body: { note: note ?? null } });
      case 'reject':
        return this.api.apiReturnsIdRejectPost({ id, body: { note: note ?? null } });
      case 'complete':
        return this.api.apiReturnsIdCompletePost({ id });
    }
  }
}
