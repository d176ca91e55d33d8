import { Routes } from '@angular/router';
import { CustomFieldPage } from './custom-field.page';
import { DictionaryPage } from './dictionary.page';

export const dictionaryRoutes = [{ path: '', component: DictionaryPage }] satisfies Routes;
export const customFieldRoutes = [{ path: '', component: CustomFieldPage }] satisfies Routes;
