import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { CustomersService, CustomFieldsService, UsersService } from '../../../shared/api/generated';
import type {
  CreateFollowUpRequest,
  Customer360Slot,
  CustomFieldDto,
  HistoryEntry,
  NamedRef,
  ReminderBrief,
  SaveContactRequest,
  TimelineEntry,
  UpdateFollowUpRequest,
} from '../../../shared/api/generated';
import { downloadFile } from '../../../shared/util/file-download';
import { Contact, CONTACT_RECORD_TYPE, Customer, CUSTOMER_RECORD_TYPE, FollowUp, FollowUpFile, OwnershipRecord } from '../model/customer';

export interface CustomerDetailState {
  id: string | null;
  customer: Customer | null;
  contacts: Contact[];
  followUps: FollowUp[];
  followUpCursor: string | null;
  /** The follow-up list answered (false while its endpoint is missing). */
  followUpsAvailable: boolean;
  ownership: OwnershipRecord[];
  timeline: TimelineEntry[];
  slots: Customer360Slot[];
  reminders: ReminderBrief[];
  history: HistoryEntry[];
  historyCursor: string | null;
  historyField: string | null;
  historyUserId: string | null;
  historyAvailable: boolean;
  loading: boolean;
  notFound: boolean;
  customFields: CustomFieldDto[];
  contactFields: CustomFieldDto[];
  users: NamedRef[];
}

const initialState: CustomerDetailState = {
  id: null,
  customer: null,
  contacts: [],
  followUps: [],
  followUpCursor: null,
  followUpsAvailable: true,
  ownership: [],
  timeline: [],
  slots: [],
  reminders: [],
  history: [],
  historyCursor: null,
  historyField: null,
  historyUserId: null,
  historyAvailable: true,
  loading: false,
  notFound: false,
  customFields: [],
  contactFields: [],
  users: [],
};

/** One customer's 360 page: profile, contacts, follow-ups, ownership and change history, slots of later modules. */
export const CustomerDetailStore = signalStore(
  withState(initialState),
  withMethods(
    (
      store,
      customers = inject(CustomersService),
      fields = inject(CustomFieldsService),
      users = inject(UsersService),
      http = inject(HttpClient),
    ) => {
      const id = () => store.id() ?? '';

      async function loadContacts(): Promise<void> {
        patchState(store, { contacts: await customers.apiCustomersCustomerIdContactsGet({ customerId: id() }) });
      }
      async function loadFollowUps(): Promise<void> {
        try {
          const page = await customers.apiCustomersCustomerIdFollowUpsGet({ customerId: id() });
          patchState(store, { followUps: page.items, followUpCursor: page.nextCursor, followUpsAvailable: true });
        } catch {
          patchState(store, { followUps: [], followUpCursor: null, followUpsAvailable: false });
        }
      }
      async function loadOwnership(): Promise<void> {
        patchState(store, { ownership: await customers.apiCustomersIdOwnershipGet({ id: id() }) });
      }
      /** Timeline and slots come with the 360 answer; without it the page still shows its own parts. */
      async function load360(): Promise<void> {
        try {
          const view = await customers.apiCustomersId360Get({ id: id() });
          patchState(store, { timeline: view.timeline, slots: view.slots, reminders: view.reminders });
        } catch {
          patchState(store, { timeline: [], slots: [], reminders: [] });
        }
      }
      async function loadHistory(more = false): Promise<void> {
        try {
          const page = await customers.apiCustomersIdHistoryGet({
            id: id(),
            field: store.historyField() ?? undefined,
            userId: store.historyUserId() ?? undefined,
            cursor: (more ? store.historyCursor() : null) ?? undefined,
          });
          patchState(store, {
            history: more ? [...store.history(), ...page.items] : page.items,
            historyCursor: page.nextCursor,
            historyAvailable: true,
          });
        } catch {
          patchState(store, { history: [], historyCursor: null, historyAvailable: false });
        }
      }
      async function reloadCustomer(): Promise<void> {
        patchState(store, { customer: await customers.apiCustomersIdGet({ id: id() }) });
      }

      return {
        loadHistory,
        reloadCustomer,
        async load(customerId: string): Promise<void> {
          patchState(store, { ...initialState, id: customerId, loading: true });
          try {
            await reloadCustomer();
          } catch (error) {
            patchState(store, { loading: false, notFound: true });
            throw error;
          }
          patchState(store, { loading: false });
          await Promise.allSettled([loadContacts(), loadFollowUps(), loadOwnership(), load360()]);
        },
        async loadOptions(): Promise<void> {
          const [c, k, u] = await Promise.allSettled([
            fields.apiCustomFieldsGet({ entityType: CUSTOMER_RECORD_TYPE }),
            fields.apiCustomFieldsGet({ entityType: CONTACT_RECORD_TYPE }),
            users.apiIdentityUsersLookupGet({ max: 200 }),
          ]);
          patchState(store, {
            customFields: c.status === 'fulfilled' ? c.value.filter((f) => !f.isHidden) : [],
            contactFields: k.status === 'fulfilled' ? k.value.filter((f) => !f.isHidden) : [],
            users: u.status === 'fulfilled' ? u.value : [],
          });
        },
        async moreFollowUps(): Promise<void> {
          const cursor = store.followUpCursor();
          if (!cursor) return;
          const page = await customers.apiCustomersCustomerIdFollowUpsGet({ customerId: id(), cursor });
          patchState(store, { followUps: [...store.followUps(), ...page.items], followUpCursor: page.nextCursor });
        },
        /** Uploads a file for the follow-up being written; the server keeps it as the caller's until it is attached. */
        uploadFollowUpFile: (file: File): Promise<FollowUpFile> => customers.apiFollowUpsAttachmentsPost({ body: { file } }),
        /** Read through the customer, so the server checks the caller still sees it. */
        downloadFollowUpFile: (followUp: FollowUp, file: FollowUpFile): Promise<void> =>
          downloadFile(http, `/api/customers/${followUp.customerId}/follow-ups/${followUp.id}/attachments/${file.fileId}`, file.fileName),
        /** Records a follow-up (with its check-in and next reminder); answers it as saved. */
        async addFollowUp(request: CreateFollowUpRequest): Promise<FollowUp> {
          const created = await customers.apiCustomersCustomerIdFollowUpsPost({ customerId: id(), body: request });
          await Promise.allSettled([loadFollowUps(), reloadCustomer(), load360()]);
          return created;
        },
        /** The whole follow-up as it should be (its files included); a stale stamp answers 409. */
        async updateFollowUp(followUpId: string, body: UpdateFollowUpRequest): Promise<FollowUp> {
          const updated = await customers.apiCustomersCustomerIdFollowUpsIdPut({ customerId: id(), id: followUpId, body });
          await Promise.allSettled([loadFollowUps(), reloadCustomer(), load360()]);
          return updated;
        },
        async deleteFollowUp(followUpId: string): Promise<void> {
          await customers.apiCustomersCustomerIdFollowUpsIdDelete({ customerId: id(), id: followUpId });
          await Promise.allSettled([loadFollowUps(), reloadCustomer(), load360()]);
        },
        filterHistory(field: string | null, userId: string | null): Promise<void> {
          patchState(store, { historyField: field, historyUserId: userId });
          return loadHistory();
        },
        async saveContact(contact: Contact | null, body: SaveContactRequest): Promise<void> {
          if (contact) {
            await customers.apiCustomersCustomerIdContactsIdPut({
              customerId: id(),
              id: contact.id,
              body: { ...body, concurrencyStamp: contact.concurrencyStamp },
            });
          } else {
            await customers.apiCustomersCustomerIdContactsPost({ customerId: id(), body });
          }
          await loadContacts();
        },
        async setPrimary(contact: Contact): Promise<void> {
          const { id: contactId, customerId, concurrencyStamp, birthday, ...fieldsOf } = contact;
          void customerId;
          void birthday;
          await customers.apiCustomersCustomerIdContactsIdPut({
            customerId: id(),
            id: contactId,
            body: { ...fieldsOf, isPrimary: true, concurrencyStamp },
          });
          await loadContacts();
        },
        async deleteContact(contact: Contact): Promise<void> {
          await customers.apiCustomersCustomerIdContactsIdDelete({ customerId: id(), id: contact.id });
          await loadContacts();
        },
        async assignOwner(ownerId: string, reason: string | null): Promise<void> {
          patchState(store, { customer: await customers.apiCustomersIdAssignPost({ id: id(), body: { ownerId, reason } }) });
          await Promise.allSettled([loadOwnership(), load360()]);
        },
        async setServiceRep(serviceRepId: string | null): Promise<void> {
          patchState(store, { customer: await customers.apiCustomersIdServiceRepPut({ id: id(), body: { serviceRepId } }) });
        },
        async remove(): Promise<void> {
          await customers.apiCustomersIdDelete({ id: id() });
        },
        /** After the edit drawer saved. */
        updated(customer: Customer): void {
          patchState(store, { customer });
          void loadContacts();
        },
      };
    },
  ),
);
