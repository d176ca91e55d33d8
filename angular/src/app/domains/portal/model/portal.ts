/** What the portal API answers (hand-written until the generated client is regenerated with the portal endpoints). */
export type PortalTicketStatus = 'New' | 'Assigned' | 'InProgress' | 'WaitingForCustomer' | 'Resolved' | 'Closed';

export interface PortalMe {
  kind: 'customer' | 'partner';
  userId: string;
  userName: string;
  name: string;
  tenant: string | null;
  customerId: string | null;
  customerName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  modules: string[];
}

export interface PortalTicketListItem {
  id: string;
  number: string;
  title: string;
  customerId: string;
  customerName: string | null;
  categoryCode: string;
  status: PortalTicketStatus;
  satisfactionRating: number | null;
  createdAt: string;
}

export interface PortalComment {
  id: string;
  content: string;
  fromStaff: boolean;
  mine: boolean;
  authorName: string | null;
  at: string;
}

export interface PortalTicket extends PortalTicketListItem {
  description: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  canRate: boolean;
  satisfactionComment: string | null;
  comments: PortalComment[];
  attachments: PortalAttachment[];
}

/** A file of the request itself (commentId null) or of a public reply. */
export interface PortalAttachment {
  fileId: string;
  fileName: string;
  size: number;
  commentId: string | null;
  at: string;
}

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

export interface PortalCategory {
  code: string;
  labelEn: string;
  labelZh: string;
  isDefault: boolean;
}

export interface PartnerCustomerItem {
  id: string;
  name: string;
  openTickets: number;
}

export type PortalAccountStatus = 'Invited' | 'Active' | 'Disabled' | 'PendingApproval';

export interface PortalAccount {
  id: string;
  userName: string;
  name: string;
  email: string | null;
  mobile: string | null;
  status: PortalAccountStatus;
  customerId: string | null;
  customerName: string | null;
  signUpCompany: string | null;
  suggestedCustomerId: string | null;
  suggestedCustomerName: string | null;
  lastInvitedAt: string | null;
  createdAt: string;
}

export interface Partner {
  id: string;
  name: string;
  type: 'Dealer' | 'Supplier' | 'Branch';
  contactName: string | null;
  phone: string | null;
  email: string | null;
  isActive: boolean;
  modules: string[];
  userCount: number;
  customerCount: number;
  concurrencyStamp: string;
}

export interface PartnerModule {
  code: string;
  labelEn: string;
  labelZh: string;
  available: boolean;
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
