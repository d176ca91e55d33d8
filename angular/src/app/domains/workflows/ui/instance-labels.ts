import { labelIn } from '../../../shared/ui/custom-field-support';
import type { CatalogRecordType, InstanceSummary } from '../model/api';

/** Anything that names a step of an instance's version: its id, English and Chinese titles. */
export interface StepRef {
  stepId?: string | null;
  stepName?: string | null;
  stepNameZh?: string | null;
}

/** The workflow's name in the viewer's language (its Chinese name when there is one). */
export function definitionLabel(language: string, i: Pick<InstanceSummary, 'definitionName' | 'definitionNameZh'>): string {
  return labelIn(language, i.definitionName, i.definitionNameZh);
}

/**
 * The record type by its name from the server, else from the catalogue (when the viewer may read it), else as stored;
 * "—" for a schedule's instance, which has no record.
 */
export function recordTypeLabel(
  language: string,
  i: Pick<InstanceSummary, 'recordType' | 'recordTypeName' | 'recordTypeNameZh'>,
  catalog: readonly CatalogRecordType[] = [],
): string {
  const fromServer = labelIn(language, i.recordTypeName, i.recordTypeNameZh);
  if (fromServer) return fromServer;
  const type = catalog.find((t) => t.name === i.recordType);
  return (type ? labelIn(language, type.displayName.en, type.displayName.zh) : '') || i.recordType || '—';
}

/** A step by its title in the instance's version; its id only when it has no title; "—" when there is none. */
export function stepTitle(language: string, s: StepRef): string {
  return labelIn(language, s.stepName, s.stepNameZh) || s.stepId || '—';
}

/** The step the instance is at (or ended at). */
export function currentStepLabel(language: string, i: Pick<InstanceSummary, 'currentStepId' | 'currentStepName' | 'currentStepNameZh'>): string {
  return stepTitle(language, { stepId: i.currentStepId, stepName: i.currentStepName, stepNameZh: i.currentStepNameZh });
}
