import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { CustomerImportService } from '../../../shared/api/generated';
import type { DryRunReportDto, ImportBatchDto, ImportMode, RevertReportDto } from '../../../shared/api/generated';
import { doubleMapped, ImportMapping, ImportStep, initialMapping, isRunning, mapHeader, missingRequired } from '../model/import';
import { CustomerFilesApi, ImportUploadDto } from './customer-files-api';

interface ImportState {
  step: ImportStep;
  upload: ImportUploadDto | null;
  mapping: ImportMapping;
  report: DryRunReportDto | null;
  mode: ImportMode;
  batch: ImportBatchDto | null;
  revert: RevertReportDto | null;
  history: ImportBatchDto[];
  busy: boolean;
}

const initial: ImportState = {
  step: 'upload',
  upload: null,
  mapping: {},
  report: null,
  mode: 'ValidRowsOnly',
  batch: null,
  revert: null,
  history: [],
  busy: false,
};

/** The import wizard: upload → mapping → dry run → commit (polled while it runs) → result, revert; and past imports. */
export const ImportStore = signalStore(
  withState(initial),
  withComputed((store) => ({
    missing: computed(() => missingRequired(store.mapping(), store.upload()?.fields ?? [])),
    doubled: computed(() => doubleMapped(store.mapping())),
    canDryRun: computed(() => !!store.upload() && missingRequired(store.mapping(), store.upload()?.fields ?? []).length === 0 && doubleMapped(store.mapping()).length === 0),
  })),
  withMethods((store, api = inject(CustomerImportService), files = inject(CustomerFilesApi)) => {
    async function busy<T>(work: () => Promise<T>): Promise<T> {
      patchState(store, { busy: true });
      try {
        return await work();
      } finally {
        patchState(store, { busy: false });
      }
    }
    async function loadHistory(): Promise<void> {
      patchState(store, { history: (await api.apiCustomerImportsGet({ pageSize: 20 })).items });
    }
    return {
      loadHistory,
      /** Named apart from the `upload` state: a method of the same name would replace its signal on the store. */
      uploadFile: (file: File) =>
        busy(async () => {
          const upload = await files.upload(file);
          patchState(store, { upload, mapping: initialMapping(upload.headers, upload.mapping), report: null, batch: null, revert: null, step: 'mapping' });
        }),
      map(header: string, field: string | null): void {
        patchState(store, { mapping: mapHeader(store.mapping(), header, field), report: null });
      },
      setMode(mode: ImportMode): void {
        patchState(store, { mode });
      },
      back(step: ImportStep): void {
        patchState(store, { step });
      },
      dryRun: () =>
        busy(async () => {
          const report = await api.apiCustomerImportsIdDryRunPost({ id: store.upload()!.id, body: { mapping: store.mapping() as Record<string, string> } });
          patchState(store, { report, step: 'dryRun' });
        }),
      /** Commits; a large file answers 202 and runs as a job: `poll` until it is done. */
      commit: () =>
        busy(async () => {
          const batch = await files.commitImport(store.upload()!.id, { mode: store.mode(), mapping: store.mapping() as Record<string, string> });
          const running = isRunning(batch.status);
          patchState(store, { batch, step: running ? 'running' : 'result' });
          if (!running) await loadHistory().catch(() => undefined); // a small file is done at once: list it with the others
        }),
      async poll(): Promise<boolean> {
        const batch = await api.apiCustomerImportsIdGet({ id: store.batch()!.id });
        const still = isRunning(batch.status);
        patchState(store, { batch, step: still ? 'running' : 'result' });
        if (!still) await loadHistory().catch(() => undefined);
        return still;
      },
      revertImport: () =>
        busy(async () => {
          const id = store.batch()!.id;
          const revert = await api.apiCustomerImportsIdRevertPost({ id });
          const batch = await api.apiCustomerImportsIdGet({ id });
          patchState(store, { revert, batch });
          await loadHistory().catch(() => undefined);
        }),
      open(batch: ImportBatchDto): void {
        patchState(store, { batch, revert: null, step: 'result' });
      },
      restart(): void {
        patchState(store, { ...initial, history: store.history() });
      },
    };
  }),
);
