import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CustomerPortalService,
  CustomersService,
  PartnerPortalService,
  PortalAdministrationService,
  PortalSignUpService,
} from '../../../shared/api/generated';
import type { CreatePartnerUserRequest, PortalCreateTicketRequest, PortalSignUpRequest, SavePartnerRequest } from '../../../shared/api/generated';
import { downloadFile } from '../../../shared/util/file-download';

/** The portal endpoints through the generated client: customers use /api/portal/tickets, partners /api/portal/partner/tickets. */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);
  private readonly customer = inject(CustomerPortalService);
  private readonly partner = inject(PartnerPortalService);
  private readonly signUps = inject(PortalSignUpService);
  private readonly admin = inject(PortalAdministrationService);
  private readonly customers = inject(CustomersService);

  me = () => this.customer.apiPortalMeGet();
  categories = () => this.customer.apiPortalTicketCategoriesGet();
  tickets = (partner: boolean, customerId?: string) =>
    partner ? this.partner.apiPortalPartnerTicketsGet({ customerId }) : this.customer.apiPortalTicketsGet();
  ticket = (partner: boolean, id: string) => (partner ? this.partner.apiPortalPartnerTicketsIdGet({ id }) : this.customer.apiPortalTicketsIdGet({ id }));
  /** A partner files the request for one of its customers (the page requires one); a customer files it for itself. */
  create = (partner: boolean, { customerId, ...body }: PortalCreateTicketRequest & { customerId?: string | null }) =>
    partner
      ? this.partner.apiPortalPartnerTicketsPost({ body: { ...body, customerId: customerId ?? '' } })
      : this.customer.apiPortalTicketsPost({ body });
  reply = (partner: boolean, id: string, content: string) =>
    partner ? this.partner.apiPortalPartnerTicketsIdRepliesPost({ id, body: { content } }) : this.customer.apiPortalTicketsIdRepliesPost({ id, body: { content } });
  /** A file of the request or of one of its public replies (the server checks both). */
  downloadAttachment = (partner: boolean, ticketId: string, fileId: string, fileName: string) =>
    downloadFile(this.http, `${partner ? '/api/portal/partner' : '/api/portal'}/tickets/${ticketId}/attachments/${fileId}`, fileName);
  rate = (id: string, rating: number, comment: string | null) => this.customer.apiPortalTicketsIdRatingPost({ id, body: { rating, comment } });
  partnerCustomers = () => this.partner.apiPortalPartnerCustomersGet();
  acceptInvitation = (token: string, password: string) => this.signUps.apiPortalInvitationsAcceptPost({ body: { token, password } });
  signUp = (body: PortalSignUpRequest) => this.signUps.apiPortalSignUpPost({ body });

  // staff administration
  accounts = () => this.admin.apiPortalAdminAccountsGet();
  invite = (customerId: string, contactId: string) => this.admin.apiPortalAdminAccountsInvitationsPost({ body: { customerId, contactId } });
  setAccountEnabled = (id: string, enabled: boolean) =>
    enabled ? this.admin.apiPortalAdminAccountsIdEnablePost({ id }) : this.admin.apiPortalAdminAccountsIdDisablePost({ id });
  approve = (id: string, customerId: string) => this.admin.apiPortalAdminAccountsIdApprovePost({ id, body: { customerId } });
  settings = () => this.admin.apiPortalAdminSettingsGet();
  saveSettings = (allowSelfSignUp: boolean, concurrencyStamp: string) =>
    this.admin.apiPortalAdminSettingsPut({ body: { allowSelfSignUp, concurrencyStamp } });
  searchCustomers = (name: string) => this.customers.apiCustomersGet({ Name: name, PageSize: 20 }).then((r) => r.items);
  customerContacts = (customerId: string) => this.customers.apiCustomersCustomerIdContactsGet({ customerId });
  partners = () => this.admin.apiPortalAdminPartnersGet();
  partnerModules = () => this.admin.apiPortalAdminPartnersModulesGet();
  savePartner = (id: string | null, body: SavePartnerRequest) =>
    id ? this.admin.apiPortalAdminPartnersIdPut({ id, body }) : this.admin.apiPortalAdminPartnersPost({ body });
  deletePartner = (id: string) => this.admin.apiPortalAdminPartnersIdDelete({ id });
  partnerUsers = (id: string) => this.admin.apiPortalAdminPartnersIdUsersGet({ id });
  addPartnerUser = (id: string, body: CreatePartnerUserRequest) => this.admin.apiPortalAdminPartnersIdUsersPost({ id, body });
  assignedCustomers = (id: string) => this.admin.apiPortalAdminPartnersIdCustomersGet({ id });
  setAssignedCustomers = (id: string, customerIds: string[]) => this.admin.apiPortalAdminPartnersIdCustomersPut({ id, body: { customerIds } });
}
