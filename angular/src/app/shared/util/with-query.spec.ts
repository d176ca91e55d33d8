import { HttpClient, HttpParams, HttpRequest } from '@angular/common/http';
import { of } from 'rxjs';
import { withQuery } from './with-query';

describe('withQuery', () => {
  function sent(extra: HttpParams, params = new HttpParams()): HttpRequest<unknown> {
    const request = vi.fn().mockReturnValue(of(null));
    withQuery({ request } as unknown as HttpClient, extra).request(new HttpRequest('GET', '/api/x', { params }));
    return request.mock.calls[0][0] as HttpRequest<unknown>;
  }

  it('adds the extra keys to the generated request, repeated keys with all their values', () => {
    const request = sent(new HttpParams({ fromString: 'tag=a&tag=b&cf.budget=gte:10' }), new HttpParams().set('PageSize', 20));
    expect(request.urlWithParams).toBe('/api/x?PageSize=20&tag=a&tag=b&cf.budget=gte:10');
  });

  it('replaces a key the generated request already had', () => {
    const request = sent(new HttpParams().set('sort', 'name'), new HttpParams().set('sort', '-createdAt'));
    expect(request.params.getAll('sort')).toEqual(['name']);
  });
});
