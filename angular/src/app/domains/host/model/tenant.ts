export type { TenantDto as Tenant } from '../../../shared/api/generated/models/tenant-dto';
export type { CreateTenantRequest } from '../../../shared/api/generated/models/create-tenant-request';

/** Status filter of the tenant list. */
export type TenantStatusFilter = 'all' | 'active' | 'suspended';

export function isActiveFilter(status: TenantStatusFilter): boolean | undefined {
  return status === 'all' ? undefined : status === 'active';
}
