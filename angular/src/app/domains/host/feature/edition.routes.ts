import { Routes } from '@angular/router';
import { EditionListPage } from './edition-list.page';

export default [{ path: '', component: EditionListPage }] satisfies Routes;
