import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ReportsApi } from './reports-api';

describe('ReportsApi', () => {
  let api: ReportsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ReportsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('runs a report through the generated operation with its filters as filter.<dimension> keys', async () => {
    const result = api.run('tickets', { from: 'a', to: 'b', groupBy: 'person', period: null, filters: { category: 'repair', priority: '' } });
    const request = backend.expectOne((r) => r.url === '/api/service/reports/tickets');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys().sort()).toEqual(['From', 'GroupBy', 'To', 'filter.category']);
    expect(request.request.params.get('filter.category')).toBe('repair');
    request.flush({ key: 'tickets' });
    expect(await result).toEqual({ key: 'tickets' });
  });

  it('sends no filter keys when no filter is chosen', async () => {
    const result = api.run('tickets', { from: 'a', to: 'b', groupBy: 'period', period: 'week', filters: {} });
    const request = backend.expectOne((r) => r.url === '/api/service/reports/tickets');
    expect(request.request.urlWithParams).toBe('/api/service/reports/tickets?From=a&To=b&GroupBy=period&Period=week');
    request.flush({ key: 'tickets' });
    await result;
  });
});
