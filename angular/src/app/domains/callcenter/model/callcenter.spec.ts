import { addPop, callStatusColor, formatDuration, ScreenPop } from './callcenter';

const pop = (id: string): ScreenPop => ({ callLogId: id, callId: id, number: '138', startedAt: '', customer: null, matchedHidden: false });

describe('call center model', () => {
  it('formats talk time', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('keeps the newest pop first, once each, at most max', () => {
    let pops = addPop([], pop('a'));
    pops = addPop(pops, pop('b'));
    pops = addPop(pops, pop('a'));
    expect(pops.map((p) => p.callLogId)).toEqual(['a', 'b']);
    expect(addPop(pops, pop('c'), 2).map((p) => p.callLogId)).toEqual(['c', 'a']);
  });
});

describe('call status colour', () => {
  it('marks live calls, missed calls red and ended calls plain', () => {
    expect(callStatusColor('Ringing')).toBe('processing');
    expect(callStatusColor('Answered')).toBe('green');
    expect(callStatusColor('Missed')).toBe('red');
    expect(callStatusColor('Ended')).toBe('default');
  });
});
