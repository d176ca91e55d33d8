import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { apiServiceReportsKeyGet, ServiceReportsService } from '../../../shared/api/generated';
import { downloadFile } from '../../../shared/util/file-download';
import { withQuery } from '../../../shared/util/with-query';
import { filterQuery, ReportDefinition, ReportRequest, ReportResult, reportParams } from '../model/report';

/**
 * The service reports endpoints through the generated client. A report's filters are `filter.<dimension>` query keys
 * the OpenAPI document cannot name, so they are added to the generated request; the export is a file.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(ServiceReportsService);
  private readonly http = inject(HttpClient);

  list(): Promise<ReportDefinition[]> {
    return this.api.apiServiceReportsGet();
  }

  async run(key: string, request: ReportRequest): Promise<ReportResult> {
    const http = withQuery(this.http, new HttpParams({ fromObject: filterQuery(request) }));
    return (await firstValueFrom(apiServiceReportsKeyGet(http, this.api.rootUrl, { key, ...reportParams(request) }))).body;
  }

  /** Downloads the Excel file under the server's name. */
  export(key: string, request: ReportRequest): Promise<void> {
    const path = ServiceReportsService.ApiServiceReportsKeyExportGetPath.replace('{key}', encodeURIComponent(key));
    const query = new HttpParams({ fromObject: { ...reportParams(request), ...filterQuery(request) } });
    return downloadFile(this.http, `${this.api.rootUrl}${path}?${query}`, `${key}.xlsx`);
  }
}
