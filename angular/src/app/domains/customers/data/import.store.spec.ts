import { TestBed } from '@angular/core/testing';
import { CustomerImportService } from '../../../shared/api/generated';
import { doubleMapped, initialMapping, mapHeader, missingRequired } from '../model/import';
import { CustomerFilesApi } from './customer-files-api';
import { ImportStore } from './import.store';

describe('import wizard', () => {
  const fields = [
    { key: 'name', labelEn: 'Name', labelZh: '名称', required: true },
    { key: 'phone', labelEn: 'Phone', labelZh: '电话', required: false },
  ];
  const upload = { id: 'u1', fileName: 'a.csv', format: 'Csv' as const, totalRows: 3, headers: ['客户名称', 'Tel', 'Extra'], sampleRows: [], mapping: { 客户名称: 'name' }, mappingReused: true, fields };

  it('prefills the mapping, keeps one header per field and names missing required fields', () => {
    let m = initialMapping(upload.headers, upload.mapping);
    expect(m).toEqual({ 客户名称: 'name', Tel: null, Extra: null });
    m = mapHeader(m, 'Tel', 'name');
    expect(m).toEqual({ 客户名称: null, Tel: 'name', Extra: null });
    expect(missingRequired({ A: 'phone' }, fields)).toEqual(['name']);
    expect(doubleMapped({ A: 'phone', B: 'phone' })).toEqual(['phone']);
  });

  it('walks upload → mapping → dry run → running → result and polls until the job has finished', async () => {
    const batch = { id: 'u1', status: 'Queued', total: 3, processed: 0 };
    const api = {
      apiCustomerImportsIdDryRunPost: vi.fn().mockResolvedValue({ total: 3, valid: 2, errors: 1, duplicates: 0, rows: [] }),
      apiCustomerImportsIdGet: vi.fn().mockResolvedValueOnce({ ...batch, status: 'Running', processed: 1 }).mockResolvedValueOnce({ ...batch, status: 'Completed', processed: 3, errorFileId: 'f1' }),
      apiCustomerImportsGet: vi.fn().mockResolvedValue({ items: [] }),
    };
    const files = { upload: vi.fn().mockResolvedValue(upload), commitImport: vi.fn().mockResolvedValue(batch) };
    TestBed.configureTestingModule({ providers: [ImportStore, { provide: CustomerImportService, useValue: api }, { provide: CustomerFilesApi, useValue: files }] });
    const store = TestBed.inject(ImportStore);

    await store.uploadFile(new File(['x'], 'a.csv'));
    expect(store.step()).toBe('mapping');
    expect(store.upload()?.headers).toEqual(upload.headers); // the uploaded file is state the page reads
    expect(files.upload).toHaveBeenCalledTimes(1);
    expect(store.canDryRun()).toBe(true);
    store.map('客户名称', null);
    expect(store.canDryRun()).toBe(false);
    store.map('客户名称', 'name');
    await store.dryRun();
    expect(store.step()).toBe('dryRun');
    expect(api.apiCustomerImportsIdDryRunPost).toHaveBeenCalledWith({ id: 'u1', body: { mapping: { 客户名称: 'name', Tel: null, Extra: null } } });
    store.setMode('ValidRowsOnly');
    await store.commit();
    expect(files.commitImport).toHaveBeenCalledWith('u1', expect.objectContaining({ mode: 'ValidRowsOnly' }));
    expect(store.step()).toBe('running');
    expect(await store.poll()).toBe(true);
    expect(await store.poll()).toBe(false);
    expect(store.step()).toBe('result');
    expect(store.batch()?.errorFileId).toBe('f1');
  });

  it('lists a small import that is done at once with the past imports', async () => {
    const done = { id: 'u1', fileName: 'a.csv', status: 'Completed', total: 3, processed: 3 };
    const api = {
      apiCustomerImportsGet: vi.fn().mockResolvedValueOnce({ items: [] }).mockResolvedValueOnce({ items: [done] }),
    };
    const files = { upload: vi.fn().mockResolvedValue(upload), commitImport: vi.fn().mockResolvedValue(done) };
    TestBed.configureTestingModule({ providers: [ImportStore, { provide: CustomerImportService, useValue: api }, { provide: CustomerFilesApi, useValue: files }] });
    const store = TestBed.inject(ImportStore);
    await store.loadHistory();
    expect(store.history()).toEqual([]);

    await store.uploadFile(new File(['x'], 'a.csv'));
    await store.commit();
    expect(store.step()).toBe('result');
    expect(store.history()).toEqual([done]);
  });
});
