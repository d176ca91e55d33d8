import { fileSize } from './file-size';

describe('fileSize', () => {
  it('formats sizes in B, KB and MB', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize('1536')).toBe('1.5 KB');
    expect(fileSize(2 * 1024 * 1024)).toBe('2.0 MB');
  });
});
