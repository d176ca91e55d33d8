import { attachmentsByComment, canRate, PortalAttachment, statusColor } from './portal';

describe('portal model', () => {
  it('rates only resolved or closed requests', () => {
    expect(canRate({ status: 'Resolved' })).toBe(true);
    expect(canRate({ status: 'Closed' })).toBe(true);
    expect(canRate({ status: 'InProgress' })).toBe(false);
  });

  it('colours waiting requests orange', () => {
    expect(statusColor('WaitingForCustomer')).toBe('orange');
    expect(statusColor('New')).toBe('blue');
  });

  it('groups files into those of the request and those of each reply', () => {
    const file = (fileId: string, commentId: string | null): PortalAttachment => ({ fileId, fileName: fileId + '.csv', size: 10, commentId, at: '2026-01-01T00:00:00Z' });
    const { own, byComment } = attachmentsByComment([file('a', null), file('b', 'c1'), file('c', 'c1'), file('d', 'c2')]);
    expect(own.map((f) => f.fileId)).toEqual(['a']);
    expect(byComment.get('c1')!.map((f) => f.fileId)).toEqual(['b', 'c']);
    expect(byComment.get('c2')!.map((f) => f.fileId)).toEqual(['d']);
    expect(byComment.has('c3')).toBe(false);
  });
});
