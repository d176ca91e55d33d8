import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { CustomFieldsService, DictionariesService } from '../../../shared/api/generated';
import type { SaveCustomFieldRequest } from '../../../shared/api/generated';
import { CustomField, DictionaryType, EntityType, moveEntry } from '../model/customization';

export interface CustomFieldState {
  entityTypes: EntityType[];
  entityType: string | null;
  fields: CustomField[];
  dictionaryTypes: DictionaryType[];
  loading: boolean;
  failed: boolean;
}

/** The record types, the custom fields of the selected one (hidden ones included) and the dictionaries to pick from. */
export const CustomFieldStore = signalStore(
  withState<CustomFieldState>({
    entityTypes: [],
    entityType: null,
    fields: [],
    dictionaryTypes: [],
    loading: false,
    failed: false,
  }),
  withComputed(({ fields }) => ({
    /** The fields a record form shows (the preview). */
    visibleFields: computed(() => fields().filter((f) => !f.isHidden)),
  })),
  withMethods(
    (store, api = inject(CustomFieldsService), dictionaries = inject(DictionariesService)) => {
      async function loadFields(): Promise<void> {
        const entityType = store.entityType();
        if (!entityType) return;
        patchState(store, { loading: true, failed: false });
        try {
          const fields = await api.apiCustomFieldsGet({ entityType, includeHidden: true });
          if (store.entityType() === entityType) patchState(store, { fields });
          patchState(store, { loading: false });
        } catch (error) {
          patchState(store, { loading: false, failed: true });
          throw error;
        }
      }
      async function update(
        field: CustomField,
        changes: Partial<SaveCustomFieldRequest>,
      ): Promise<void> {
        const body: SaveCustomFieldRequest = {
          entityType: field.entityType,
          name: field.name,
          labelEn: field.labelEn,
          labelZh: field.labelZh,
          fieldType: field.fieldType,
          precision: field.precision,
          dictionaryTypeCode: field.dictionaryTypeCode,
          isRequired: field.isRequired,
          defaultValue: field.defaultValue,
          helpEn: field.helpEn,
          helpZh: field.helpZh,
          isHidden: field.isHidden,
          ...changes,
          concurrencyStamp: field.concurrencyStamp,
        };
        await api.apiCustomFieldsIdPut({ id: field.id, body });
        await loadFields();
      }
      return {
        loadFields,
        update,
        async init(): Promise<void> {
          patchState(store, { loading: true, failed: false });
          try {
            const [entityTypes, dictionaryTypes] = await Promise.all([
              api.apiCustomFieldsEntityTypesGet(),
              dictionaries.apiDictionariesGet().catch(() => [] as DictionaryType[]),
            ]);
            const entityType = entityTypes.some((t) => t.name === store.entityType())
              ? store.entityType()
              : (entityTypes[0]?.name ?? null);
            patchState(store, { entityTypes, dictionaryTypes, entityType });
          } catch (error) {
            patchState(store, { loading: false, failed: true });
            throw error;
          }
          await loadFields();
        },
        selectEntityType(entityType: string): Promise<void> {
          patchState(store, { entityType, fields: [] });
          return loadFields();
        },
        async create(body: Omit<SaveCustomFieldRequest, 'entityType'>): Promise<void> {
          const entityType = store.entityType();
          if (!entityType) return;
          await api.apiCustomFieldsPost({ body: { ...body, entityType } });
          await loadFields();
        },
        setHidden(field: CustomField, isHidden: boolean): Promise<void> {
          return update(field, { isHidden });
        },
        async reorder(from: number, to: number): Promise<void> {
          const entityType = store.entityType();
          if (!entityType || from === to) return;
          const fields = moveEntry(store.fields(), from, to);
          patchState(store, { fields });
          try {
            await api.apiCustomFieldsOrderPut({
              body: { entityType, fieldIds: fields.map((f) => f.id) },
            });
          } finally {
            await loadFields();
          }
        },
        async remove(field: CustomField): Promise<void> {
          await api.apiCustomFieldsIdDelete({ id: field.id });
          await loadFields();
        },
      };
    },
  ),
);
