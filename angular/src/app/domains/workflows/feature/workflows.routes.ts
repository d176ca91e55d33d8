import { Routes } from '@angular/router';
import {
  ArrowRightOutline,
  CaretRightOutline,
  CheckCircleOutline,
  CloseOutline,
  CloudUploadOutline,
  DiffOutline,
  ExperimentOutline,
  HolderOutline,
  UpOutline,
  WarningOutline,
} from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { WorkflowAgentsPage } from './agents.page';
import { WorkflowCalendarsPage } from './calendars.page';
import { WorkflowDefinitionPage } from './definition.page';
import { WorkflowDefinitionsPage } from './definitions.page';
import { WorkflowInstancesPage } from './instances.page';

/** Icons only the workflow screens use (the app registers the common ones at start-up). */
const icons = provideNzIconsPatch([
  ArrowRightOutline,
  CaretRightOutline,
  CheckCircleOutline,
  CloseOutline,
  CloudUploadOutline,
  DiffOutline,
  ExperimentOutline,
  HolderOutline,
  UpOutline,
  WarningOutline,
]);

export const workflowDefinitionRoutes = [
  {
    path: '',
    providers: [icons],
    children: [
      { path: '', component: WorkflowDefinitionsPage },
      { path: ':id', component: WorkflowDefinitionPage },
    ],
  },
] satisfies Routes;
export const workflowInstanceRoutes = [{ path: '', component: WorkflowInstancesPage, providers: [icons] }] satisfies Routes;
export const workflowCalendarRoutes = [{ path: '', component: WorkflowCalendarsPage, providers: [icons] }] satisfies Routes;
export const workflowAgentRoutes = [{ path: '', component: WorkflowAgentsPage }] satisfies Routes;
