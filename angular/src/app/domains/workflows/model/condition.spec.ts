import { coerceValue, conditionProblems, FieldType, newRule, normalizeCondition, operatorsFor } from './condition';

describe('condition builder rules', () => {
  const types: Record<string, FieldType> = { severity: 'Dictionary', amount: 'Number', vip: 'Boolean', title: 'Text' };
  const typeOf = (f: string) => types[f];

  it('offers operators by field type', () => {
    expect(operatorsFor('Number')).toContain('gte');
    expect(operatorsFor('Number')).not.toContain('contains');
    expect(operatorsFor('Dictionary')).toEqual(['eq', 'ne', 'in', 'notIn', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor('Boolean')).toEqual(['eq', 'ne']);
    expect(operatorsFor('Text')).toContain('startsWith');
  });

  it('keeps the value in the shape the operator needs', () => {
    expect(coerceValue('in', 'Dictionary', 'high')).toEqual(['high']);
    expect(coerceValue('eq', 'Dictionary', ['high', 'low'])).toBe('high');
    expect(coerceValue('isEmpty', 'Text', 'x')).toBeUndefined();
    expect(coerceValue('gt', 'Number', '5')).toBe(5);
    expect(coerceValue('eq', 'Boolean', 'true')).toBe(true);
    expect(newRule('amount', 'Number')).toEqual({ field: 'amount', op: 'eq', value: null });
  });

  it('produces the JSON the engine reads: nested groups, no empty groups, no value on isEmpty', () => {
    const built = normalizeCondition({
      all: [
        { field: 'severity', op: 'in', value: ['high', 'critical'] },
        { any: [{ field: 'amount', op: 'gte', value: 1000 }, { not: { field: 'vip', op: 'eq', value: true } }, { all: [] }] },
        { field: 'title', op: 'isEmpty', value: 'ignored' },
        { field: '', op: 'eq', value: 1 },
      ],
    });
    expect(JSON.parse(JSON.stringify(built))).toEqual({
      all: [
        { field: 'severity', op: 'in', value: ['high', 'critical'] },
        { any: [{ field: 'amount', op: 'gte', value: 1000 }, { not: { field: 'vip', op: 'eq', value: true } }] },
        { field: 'title', op: 'isEmpty' },
      ],
    });
    expect(normalizeCondition({ any: [{ all: [] }] })).toBeNull();
  });

  it('reports rules that are not finished', () => {
    expect(conditionProblems({ all: [{ field: 'severity', op: 'in', value: [] }, { field: 'amount', op: 'contains', value: 1 }, { field: '', op: 'eq' }] }, typeOf)).toEqual([
      'value',
      'operator',
      'field',
    ]);
    expect(conditionProblems({ field: 'vip', op: 'eq', value: false }, typeOf)).toEqual([]);
  });
});
