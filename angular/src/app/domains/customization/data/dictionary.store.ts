import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { DictionariesService } from '../../../shared/api/generated';
import type {
  SaveDictionaryItemRequest,
  SaveDictionaryTypeRequest,
} from '../../../shared/api/generated';
import { DictionaryItem, DictionaryType, moveEntry } from '../model/customization';

export interface DictionaryState {
  types: DictionaryType[];
  selectedCode: string | null;
  items: DictionaryItem[];
  loading: boolean;
  failed: boolean;
  loadingItems: boolean;
}

/** Dictionary types, the selected type and its items (disabled ones included). */
export const DictionaryStore = signalStore(
  withState<DictionaryState>({
    types: [],
    selectedCode: null,
    items: [],
    loading: false,
    failed: false,
    loadingItems: false,
  }),
  withComputed(({ types, selectedCode }) => ({
    selected: computed(() => types().find((t) => t.code === selectedCode()) ?? null),
  })),
  withMethods((store, api = inject(DictionariesService)) => {
    async function load(): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        const types = await api.apiDictionariesGet();
        const current = store.selectedCode();
        const selectedCode = types.some((t) => t.code === current)
          ? current
          : (types[0]?.code ?? null);
        patchState(store, { types, selectedCode, loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    async function loadItems(): Promise<void> {
      const typeCode = store.selectedCode();
      if (!typeCode) {
        patchState(store, { items: [] });
        return;
      }
      patchState(store, { loadingItems: true });
      try {
        const items = await api.apiDictionariesTypeCodeItemsGet({
          typeCode,
          includeDisabled: true,
        });
        if (store.selectedCode() === typeCode) patchState(store, { items });
      } finally {
        patchState(store, { loadingItems: false });
      }
    }
    /** Item counts live on the types: reload both after a change of items. */
    async function refresh(): Promise<void> {
      await load();
      await loadItems();
    }
    return {
      load,
      loadItems,
      async init(): Promise<void> {
        await load();
        await loadItems();
      },
      select(code: string): Promise<void> {
        patchState(store, { selectedCode: code, items: [] });
        return loadItems();
      },
      async createType(body: SaveDictionaryTypeRequest): Promise<void> {
        await api.apiDictionariesPost({ body });
        patchState(store, { selectedCode: body.code });
        await refresh();
      },
      async updateType(type: DictionaryType, body: SaveDictionaryTypeRequest): Promise<void> {
        await api.apiDictionariesIdPut({
          id: type.id,
          body: { ...body, concurrencyStamp: type.concurrencyStamp },
        });
        await load();
      },
      async createItem(body: SaveDictionaryItemRequest): Promise<void> {
        const typeCode = store.selectedCode();
        if (!typeCode) return;
        await api.apiDictionariesTypeCodeItemsPost({ typeCode, body });
        await refresh();
      },
      async updateItem(
        item: DictionaryItem,
        changes: Partial<SaveDictionaryItemRequest>,
      ): Promise<void> {
        const body: SaveDictionaryItemRequest = {
          code: item.code,
          labelEn: item.labelEn,
          labelZh: item.labelZh,
          color: item.color,
          isEnabled: item.isEnabled,
          isDefault: item.isDefault,
          numericValue: item.numericValue,
          ...changes,
          concurrencyStamp: item.concurrencyStamp,
        };
        await api.apiDictionariesItemsIdPut({ id: item.id, body });
        await loadItems();
      },
      /** Moves an item and saves the new order; the list is shown in its new order at once. */
      async reorder(from: number, to: number): Promise<void> {
        const typeCode = store.selectedCode();
        if (!typeCode || from === to) return;
        const items = moveEntry(store.items(), from, to);
        patchState(store, { items });
        try {
          await api.apiDictionariesTypeCodeOrderPut({
            typeCode,
            body: { itemIds: items.map((i) => i.id) },
          });
        } finally {
          await loadItems();
        }
      },
      async removeItem(item: DictionaryItem): Promise<void> {
        await api.apiDictionariesItemsIdDelete({ id: item.id });
        await refresh();
      },
    };
  }),
);
