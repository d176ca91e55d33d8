import { mergeRequest, suggestedChoices, valueText } from './merge';

describe('merge request from the preview', () => {
  const preview = {
    survivorId: 's',
    customers: [
      { id: 's', concurrencyStamp: 'st-s', isSurvivor: true },
      { id: 'l1', concurrencyStamp: 'st-1', isSurvivor: false },
      { id: 'l2', concurrencyStamp: 'st-2', isSurvivor: false },
    ],
    conflicts: [
      { field: 'levelCode', suggestedSourceId: 's' },
      { field: 'website', suggestedSourceId: 'l1' },
      { field: 'cf.budget', suggestedSourceId: 's' },
    ],
  };

  it('sends the chosen source per field, the suggestion where none was chosen, and every stamp of the preview', () => {
    const choices = { ...suggestedChoices(preview), levelCode: 'l2', 'cf.budget': 'unknown' };
    expect(mergeRequest(preview, choices)).toEqual({
      survivorId: 's',
      loserIds: ['l1', 'l2'],
      fieldChoices: { levelCode: 'l2', website: 'l1', 'cf.budget': 's' },
      concurrencyStamps: { s: 'st-s', l1: 'st-1', l2: 'st-2' },
    });
  });

  it('shows values as text', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText(3)).toBe('3');
  });
});
