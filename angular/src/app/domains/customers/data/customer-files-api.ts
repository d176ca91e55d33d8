import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CustomerExportDto, CustomerExportRequest, HandoverDto, ImportBatchDto, ImportCommitRequest, ImportFieldDto, StartHandoverRequest } from '../../../shared/api/generated';
import { downloadFile, fileNameOf } from '../../../shared/util/file-download';

/** The upload's answer (ImportUploadDto on the server; the document does not describe the multipart endpoint's body). */
export interface ImportUploadDto {
  id: string;
  fileName: string;
  format: 'Csv' | 'Xlsx';
  totalRows: number;
  headers: string[];
  sampleRows: (string | null)[][];
  mapping: Record<string, string | null>;
  mappingReused: boolean;
  fields: ImportFieldDto[];
}

/**
 * Calls whose answers the generated client cannot type: the OpenAPI document declares no response body for the
 * import upload (multipart), the export (a file or a 202 with the job) and file downloads (binary).
 */
@Injectable({ providedIn: 'root' })
export class CustomerFilesApi {
  private readonly http = inject(HttpClient);

  upload(file: File): Promise<ImportUploadDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<ImportUploadDto>('/api/customer-imports', form));
  }

  /** 200 with the finished batch, or 202 with the queued one (the document types neither). */
  commitImport(id: string, body: ImportCommitRequest): Promise<ImportBatchDto> {
    return firstValueFrom(this.http.post<ImportBatchDto>(`/api/customer-imports/${id}/commit`, body));
  }

  /** 202 with the queued handover (the document declares no body). */
  startHandover(body: StartHandoverRequest): Promise<HandoverDto> {
    return firstValueFrom(this.http.post<HandoverDto>('/api/customer-handovers', body));
  }

  /** Small exports answer the file (200), large ones the queued job (202). */
  async export(body: CustomerExportRequest): Promise<{ file: Blob; name: string } | { job: CustomerExportDto }> {
    const response = await firstValueFrom(this.http.post('/api/customer-exports', body, { observe: 'response', responseType: 'blob' }));
    if (response.status === 202) return { job: JSON.parse(await (response.body as Blob).text()) as CustomerExportDto };
    return { file: response.body as Blob, name: fileNameOf(response, `customers.${body.format === 'Xlsx' ? 'xlsx' : 'csv'}`) };
  }

  async download(fileId: string, fallbackName: string): Promise<void> {
    await downloadFile(this.http, `/api/files/${fileId}`, fallbackName);
  }
}
