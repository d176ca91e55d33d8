import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { apiCustomersGet, CustomersService } from '../../../shared/api/generated';
import type { CustomerPage } from '../../../shared/api/generated';
import { withQuery } from '../../../shared/util/with-query';

/**
 * The customer list through the generated operation. Its filters come as the query string `filterToQuery` builds (and
 * saved views store): custom-field filters are `cf.<name>` keys the OpenAPI document cannot name, so the whole
 * string is added to the generated request, which carries the page size and cursor.
 */
@Injectable({ providedIn: 'root' })
export class CustomerListApi {
  private readonly api = inject(CustomersService);
  private readonly http = inject(HttpClient);

  async list(query: string, cursor: string | null, pageSize: number): Promise<CustomerPage> {
    const http = withQuery(this.http, new HttpParams({ fromString: query }));
    return (await firstValueFrom(apiCustomersGet(http, this.api.rootUrl, { PageSize: pageSize, Cursor: cursor ?? undefined }))).body;
  }
}
