/** "512 B", "1.5 KB", "2.0 MB" (sizes come as numbers or, for 64-bit values, strings from the API). */
export function fileSize(size: number | string): string {
  const bytes = Number(size);
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
