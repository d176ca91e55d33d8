import { inject, Injectable } from '@angular/core';
import { WorkflowsService } from '../../../shared/api/generated';
import type { AssignmentDecisionDto, InstanceDetail } from '../../../shared/api/generated';

export interface RecordWorkflows {
  instances: InstanceDetail[];
  assignments: AssignmentDecisionDto[];
}

/**
 * The workflow side of a ticket or complaint: its instances with their journals, and why it was assigned.
 * Null when the engine's endpoints do not answer (not installed, or no permission): the panel stays hidden.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowPanelApi {
  private readonly api = inject(WorkflowsService);

  async load(recordType: string, recordId: string): Promise<RecordWorkflows | null> {
    const [instances, assignments] = await Promise.allSettled([
      this.api.apiWorkflowsInstancesGet({ recordType, recordId }),
      this.api.apiWorkflowsAssignmentsGet({ recordType, recordId }),
    ]);
    if (instances.status === 'rejected' && assignments.status === 'rejected') return null;
    const summaries = instances.status === 'fulfilled' ? instances.value.items : [];
    const details = await Promise.allSettled(summaries.slice(0, 10).map((s) => this.api.apiWorkflowsInstancesIdGet({ id: s.id })));
    return {
      instances: details.filter((d) => d.status === 'fulfilled').map((d) => (d as PromiseFulfilledResult<InstanceDetail>).value),
      assignments: assignments.status === 'fulfilled' ? assignments.value : [],
    };
  }
}
