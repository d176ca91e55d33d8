import { HttpClient, HttpResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

/**
 * Downloads a file through HttpClient (so the bearer token goes with it; a plain link would not carry it) and
 * hands it to the browser under the server's file name (Content-Disposition) or the fallback.
 */
export async function downloadFile(http: HttpClient, url: string, fallbackName: string): Promise<void> {
  const response = await firstValueFrom(http.get(url, { observe: 'response', responseType: 'blob' }));
  saveBlob(response.body as Blob, fileNameOf(response, fallbackName));
}

export function fileNameOf(response: HttpResponse<Blob>, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
