import type { DataScope } from '../../../shared/api/generated';

export type {
  UserDto as User,
  RoleDto as Role,
  NamedRef,
  CreateUserRequest,
  UpdateUserRequest,
  CreateRoleRequest,
  DataScope,
  PermissionGroupDto as PermissionGroup,
  PermissionDto as Permission,
  DepartmentDto as DepartmentOption,
} from '../../../shared/api/generated';

export const DATA_SCOPES: readonly DataScope[] = ['Self', 'Department', 'DepartmentAndChildren', 'All'];

export type UserStatusFilter = 'all' | 'active' | 'inactive';

export interface UserFilter {
  text: string;
  status: UserStatusFilter;
  roleId: string | null;
  departmentId: string | null;
}
