import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CustomerListApi } from './customer-list-api';

describe('CustomerListApi', () => {
  let api: CustomerListApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CustomerListApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the list query string as it is, with the page size and cursor of the generated operation', async () => {
    const page = api.list('scope=mine&tag=a&tag=b&cf.budget=gte%3A1000&sort=name', 'c2', 20);
    const request = backend.expectOne((r) => r.url === '/api/customers');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('PageSize')).toBe('20');
    expect(request.request.params.get('Cursor')).toBe('c2');
    expect(request.request.params.get('scope')).toBe('mine');
    expect(request.request.params.getAll('tag')).toEqual(['a', 'b']);
    expect(request.request.params.get('cf.budget')).toBe('gte:1000');
    expect(request.request.params.get('sort')).toBe('name');
    request.flush({ items: [], nextCursor: null, total: 0, totalIsLowerBound: false });
    expect((await page).total).toBe(0);
  });

  it('leaves the cursor out on the first page', async () => {
    const page = api.list('', null, 50);
    const request = backend.expectOne((r) => r.url === '/api/customers');
    expect(request.request.urlWithParams).toBe('/api/customers?PageSize=50');
    request.flush({ items: [], nextCursor: null, total: 0, totalIsLowerBound: false });
    await page;
  });
});
