import { Routes } from '@angular/router';
import { JobListPage } from './job-list.page';

export default [{ path: '', component: JobListPage }] satisfies Routes;
