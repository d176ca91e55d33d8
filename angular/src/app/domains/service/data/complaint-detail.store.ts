import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { ComplaintsService } from '../../../shared/api/generated';
import { Complaint, COMPLAINT_RECORD_TYPE, ComplaintStatus } from '../model/complaint';
import { ServiceLookups } from './service-lookups';
import { RecordWorkflows, WorkflowPanelApi } from './workflow-panel';

export interface ComplaintDetailState {
  complaint: Complaint | null;
  loading: boolean;
  notFound: boolean;
  busy: boolean;
  workflows: RecordWorkflows | null;
  /** members of the responsible department; null when they could not be read */
  departmentMembers: string[] | null;
}

/** One complaint: transfers, department replies, return visits, status changes and the workflow panel. */
export const ComplaintDetailStore = signalStore(
  withState<ComplaintDetailState>({ complaint: null, loading: false, notFound: false, busy: false, workflows: null, departmentMembers: null }),
  withMethods((store, api = inject(ComplaintsService), workflows = inject(WorkflowPanelApi), lookups = inject(ServiceLookups)) => {
    async function afterChange(complaint: Complaint): Promise<void> {
      void workflows.load(COMPLAINT_RECORD_TYPE, complaint.id).then((w) => patchState(store, { workflows: w }), () => undefined);
      const members = complaint.departmentId ? await lookups.memberIds(complaint.departmentId).catch(() => null) : [];
      patchState(store, { departmentMembers: members });
    }
    async function run(change: () => Promise<Complaint>): Promise<Complaint> {
      patchState(store, { busy: true });
      try {
        const complaint = await change();
        patchState(store, { complaint });
        void afterChange(complaint);
        return complaint;
      } finally {
        patchState(store, { busy: false });
      }
    }
    async function load(id: string): Promise<void> {
      patchState(store, { loading: true, notFound: false });
      try {
        const complaint = await api.apiComplaintsIdGet({ id });
        patchState(store, { complaint, loading: false });
        void afterChange(complaint);
      } catch (error) {
        const status = (error as { status?: number }).status;
        patchState(store, { loading: false, notFound: status === 404, complaint: null });
        if (status !== 404) throw error;
      }
    }
    const id = () => store.complaint()!.id;
    return {
      load,
      transfer: (departmentId: string, note: string | null, assigneeId: string | null, deadline: string | null) =>
        run(() => api.apiComplaintsIdTransferPost({ id: id(), body: { departmentId, note, assigneeId, deadline } })),
      reply: (content: string) => run(() => api.apiComplaintsIdRepliesPost({ id: id(), body: { content } })),
      returnVisit: (satisfied: boolean, rating: number, comment: string | null) =>
        run(() => api.apiComplaintsIdReturnVisitsPost({ id: id(), body: { satisfied, rating, comment } })),
      changeStatus: (status: ComplaintStatus, note: string | null) => run(() => api.apiComplaintsIdStatusPost({ id: id(), body: { status, note } })),
    };
  }),
);
