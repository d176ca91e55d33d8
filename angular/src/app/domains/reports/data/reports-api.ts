import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ReportDefinition, ReportRequest, ReportResult, toQuery } from '../model/report';

/**
 * The service reports endpoints. Filters are `filter.<dimension>` keys that the OpenAPI document cannot name, and the
 * export is a file, so these calls use HttpClient with the agreed shapes (like CustomerExtraApi).
 * TODO(api): use the generated ServiceReportsService for the list once `npm run api` has run on main.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<ReportDefinition[]> {
    return firstValueFrom(this.http.get<ReportDefinition[]>('/api/service/reports'));
  }

  run(key: string, request: ReportRequest): Promise<ReportResult> {
    return firstValueFrom(this.http.get<ReportResult>(`/api/service/reports/${encodeURIComponent(key)}`, { params: new HttpParams({ fromObject: toQuery(request) }) }));
  }

  async export(key: string, request: ReportRequest): Promise<{ blob: Blob; fileName: string }> {
    const response = await firstValueFrom(this.http.get(`/api/service/reports/${encodeURIComponent(key)}/export`, {
      params: new HttpParams({ fromObject: toQuery(request) }), observe: 'response', responseType: 'blob',
    }));
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const fileName = match ? decodeURIComponent(match[1] ?? match[2]) : `${key}.xlsx`;
    return { blob: response.body!, fileName };
  }
}
