// The portal: the API's shapes under the names the pages were written with, and the little logic of its pages.
import type {
  PartnerCustomerListItemDto,
  PartnerDto,
  PartnerModuleDto,
  PortalAccountDto,
  PortalAccountStatus,
  PortalAttachmentDto,
  PortalCategoryDto,
  PortalCommentDto,
  PortalMeDto,
  PortalTicketDto,
  PortalTicketListItemDto,
  TicketStatus,
} from '../../../shared/api/generated';

export type PortalTicketStatus = TicketStatus;
export type PortalMe = PortalMeDto;
export type PortalTicketListItem = PortalTicketListItemDto;
export type PortalComment = PortalCommentDto;
export type PortalTicket = PortalTicketDto;
/** A file of the request itself (commentId null) or of a public reply. */
export type PortalAttachment = PortalAttachmentDto;
export type PortalCategory = PortalCategoryDto;
export type PartnerCustomerItem = PartnerCustomerListItemDto;
export type { PortalAccountStatus };
export type PortalAccount = PortalAccountDto;
export type Partner = PartnerDto;
export type PartnerModule = PartnerModuleDto;

/** Files of the request itself, and files by the reply they came with. */
export function attachmentsByComment(attachments: readonly PortalAttachment[]): { own: PortalAttachment[]; byComment: Map<string, PortalAttachment[]> } {
  const own: PortalAttachment[] = [];
  const byComment = new Map<string, PortalAttachment[]>();
  for (const a of attachments) {
    if (!a.commentId) own.push(a);
    else byComment.set(a.commentId, [...(byComment.get(a.commentId) ?? []), a]);
  }
  return { own, byComment };
}

/** Ticket statuses in the words a customer understands. */
export function statusColor(status: PortalTicketStatus): string {
  switch (status) {
    case 'Resolved':
      return 'green';
    case 'Closed':
      return 'default';
    case 'WaitingForCustomer':
      return 'orange';
    default:
      return 'blue';
  }
}

/** Only a resolved or closed request can be rated. */
export function canRate(ticket: Pick<PortalTicket, 'status'>): boolean {
  return ticket.status === 'Resolved' || ticket.status === 'Closed';
}
