export type { JobDto as Job, JobStatus } from '../../../shared/api/generated';
import type { JobStatus } from '../../../shared/api/generated';

export const JOB_STATUSES: readonly JobStatus[] = ['Incident', 'Pending', 'Running', 'Succeeded', 'Cancelled'];

/** Host jobs span all tenants; tenant jobs are the signed-in tenant's own. */
export type JobScope = 'host' | 'tenant';
