export type { TenantDto as Tenant } from '../../../shared/api/generated';
export type { CreateTenantRequest } from '../../../shared/api/generated';

/** Status filter of the tenant list. */
export type TenantStatusFilter = 'all' | 'active' | 'suspended';

export function isActiveFilter(status: TenantStatusFilter): boolean | undefined {
  return status === 'all' ? undefined : status === 'active';
}
