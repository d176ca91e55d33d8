import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { TicketsService } from '../../../shared/api/generated';
import { downloadFile } from '../../../shared/util/file-download';
import { Ticket, TicketFile, TICKET_RECORD_TYPE, TicketStatus } from '../model/ticket';
import { RecordWorkflows, WorkflowPanelApi } from './workflow-panel';

export interface TicketDetailState {
  ticket: Ticket | null;
  loading: boolean;
  notFound: boolean;
  busy: boolean;
  workflows: RecordWorkflows | null;
}

/** One ticket: its status actions, assignment, comments, rating, attachments and the workflow panel. */
export const TicketDetailStore = signalStore(
  withState<TicketDetailState>({ ticket: null, loading: false, notFound: false, busy: false, workflows: null }),
  withMethods((store, api = inject(TicketsService), workflows = inject(WorkflowPanelApi), http = inject(HttpClient)) => {
    async function loadWorkflows(id: string): Promise<void> {
      patchState(store, { workflows: await workflows.load(TICKET_RECORD_TYPE, id).catch(() => null) });
    }
    /** Runs a change; the answer is the ticket as it is now. */
    async function run(change: () => Promise<Ticket>): Promise<Ticket> {
      patchState(store, { busy: true });
      try {
        const ticket = await change();
        patchState(store, { ticket });
        void loadWorkflows(ticket.id);
        return ticket;
      } finally {
        patchState(store, { busy: false });
      }
    }
    async function load(id: string): Promise<void> {
      patchState(store, { loading: true, notFound: false });
      try {
        patchState(store, { ticket: await api.apiTicketsIdGet({ id }), loading: false });
      } catch (error) {
        patchState(store, { loading: false, notFound: (error as { status?: number }).status === 404, ticket: null });
        if ((error as { status?: number }).status !== 404) throw error;
        return;
      }
      void loadWorkflows(id);
    }
    const id = () => store.ticket()!.id;
    return {
      load,
      reload: () => load(id()),
      changeStatus: (status: TicketStatus, note: string | null) =>
        run(() => api.apiTicketsIdStatusPost({ id: id(), body: { status, note, concurrencyStamp: store.ticket()!.concurrencyStamp } })),
      accept: () => run(() => api.apiTicketsIdAcceptPost({ id: id() })),
      grab: () => run(() => api.apiTicketsIdGrabPost({ id: id() })),
      assign: (assigneeId: string | null, departmentId: string | null, note: string | null) =>
        run(() => api.apiTicketsIdAssignPost({ id: id(), body: { assigneeId, departmentId, note } })),
      rate: (rating: number, comment: string | null) => run(() => api.apiTicketsIdRatingPost({ id: id(), body: { rating, comment } })),
      /** Comments with the files uploaded for it (see {@link upload}). */
      async comment(content: string, isInternal: boolean, fromCustomer: boolean, attachmentFileIds: string[] = []): Promise<void> {
        patchState(store, { busy: true });
        try {
          await api.apiTicketsIdCommentsPost({ id: id(), body: { content, isInternal, fromCustomer, attachmentFileIds } });
          patchState(store, { ticket: await api.apiTicketsIdGet({ id: id() }) });
        } finally {
          patchState(store, { busy: false });
        }
      },
      /** Uploads a file to attach to a comment later; the server keeps it as the caller's until then. */
      upload: (file: File) => api.apiTicketsAttachmentsPost({ body: { file } }),
      /** A file of the ticket or of one of its comments, through the ticket (the server checks the caller sees it). */
      download: (f: TicketFile) => downloadFile(http, `/api/tickets/${id()}/attachments/${f.fileId}`, f.fileName),
      async attach(file: File): Promise<void> {
        await run(async () => {
          const uploaded = await api.apiTicketsAttachmentsPost({ body: { file } });
          return api.apiTicketsIdAttachmentsPost({ id: id(), body: { fileIds: [uploaded.fileId] } });
        });
      },
    };
  }),
);
