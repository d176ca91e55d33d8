import { HttpClient, HttpParams, HttpRequest } from '@angular/common/http';

/**
 * An HttpClient for a generated operation function that adds query keys the OpenAPI document cannot name (a report's
 * `filter.<dimension>`, a customer list's `cf.<name>`) to the request the function built. A key given here replaces
 * the function's key of the same name; repeated keys keep all their values.
 */
export function withQuery(http: HttpClient, extra: HttpParams): HttpClient {
  const request = (req: HttpRequest<unknown>) => {
    let params = req.params;
    for (const name of extra.keys()) params = params.delete(name).appendAll({ [name]: extra.getAll(name) ?? [] });
    return http.request(req.clone({ params }));
  };
  return { request } as unknown as HttpClient;
}
