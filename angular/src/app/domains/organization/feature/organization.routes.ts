import { Routes } from '@angular/router';
import { DepartmentPage } from './department.page';

export default [{ path: '', component: DepartmentPage }] satisfies Routes;
