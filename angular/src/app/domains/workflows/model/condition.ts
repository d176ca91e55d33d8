/**
 * The condition language of triggers, If and Switch (docs/workflows.md): {"all":[…]}, {"any":[…]}, {"not":{…}}
 * and rules {"field","op","value"}. The builder edits this JSON directly; helpers here keep it valid.
 */
export interface ConditionRule {
  field: string;
  op: Operator;
  value?: unknown;
}
export interface AllGroup {
  all: Condition[];
}
export interface AnyGroup {
  any: Condition[];
}
export interface NotGroup {
  not: Condition;
}
export type Condition = ConditionRule | AllGroup | AnyGroup | NotGroup;

export type Operator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'isEmpty'
  | 'isNotEmpty';

/** Field types of the catalogue (WorkflowFieldType, serialized as strings) plus variable/event types. */
export type FieldType = 'Text' | 'Number' | 'Boolean' | 'DateTime' | 'Dictionary' | 'User' | 'Department' | 'Status';

export const isRule = (c: Condition): c is ConditionRule => 'field' in c;
export const isAll = (c: Condition): c is AllGroup => 'all' in c;
export const isAny = (c: Condition): c is AnyGroup => 'any' in c;
export const isNot = (c: Condition): c is NotGroup => 'not' in c;

/** Operators that make sense for a field type, in the order the builder offers them. */
export function operatorsFor(type: FieldType | undefined): Operator[] {
  const emptiness: Operator[] = ['isEmpty', 'isNotEmpty'];
  switch (type) {
    case 'Number':
    case 'DateTime':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', ...emptiness];
    case 'Boolean':
      return ['eq', 'ne'];
    case 'Dictionary':
    case 'Status':
    case 'User':
    case 'Department':
      return ['eq', 'ne', 'in', 'notIn', ...emptiness];
    default:
      return ['eq', 'ne', 'contains', 'notContains', 'startsWith', 'in', 'notIn', ...emptiness];
  }
}

export const takesNoValue = (op: Operator): boolean => op === 'isEmpty' || op === 'isNotEmpty';
export const takesList = (op: Operator): boolean => op === 'in' || op === 'notIn';

/** The value a rule gets when its operator or field changes, so it always matches the operator's shape. */
export function coerceValue(op: Operator, type: FieldType | undefined, value: unknown): unknown {
  if (takesNoValue(op)) return undefined;
  if (takesList(op)) {
    if (Array.isArray(value)) return value;
    return value === undefined || value === null || value === '' ? [] : [value];
  }
  if (Array.isArray(value)) value = value[0];
  if (type === 'Boolean') return value === true || value === 'true';
  if (type === 'Number') return typeof value === 'number' ? value : value === undefined || value === '' ? null : Number(value);
  return value ?? null;
}

/** A new rule on a field, with its type's first operator and an empty value of the right shape. */
export function newRule(field: string, type: FieldType | undefined): ConditionRule {
  const op = operatorsFor(type)[0];
  return { field, op, value: coerceValue(op, type, undefined) };
}

/**
 * Strips what the server would refuse: rules without a field, `value` on isEmpty/isNotEmpty, empty groups
 * inside groups. An empty top-level condition becomes null (no condition).
 */
export function normalizeCondition(condition: Condition | null | undefined): Condition | null {
  if (!condition) return null;
  if (isRule(condition)) {
    if (!condition.field) return null;
    const rule: ConditionRule = { field: condition.field, op: condition.op };
    if (!takesNoValue(condition.op)) rule.value = condition.value ?? null;
    return rule;
  }
  if (isNot(condition)) {
    const inner = normalizeCondition(condition.not);
    return inner ? { not: inner } : null;
  }
  const items = (isAll(condition) ? condition.all : condition.any).map(normalizeCondition).filter((c): c is Condition => !!c);
  if (items.length === 0) return null;
  return isAll(condition) ? { all: items } : { any: items };
}

/** Fields a condition reads (for showing unknown fields and for the diff). */
export function conditionFields(condition: Condition | null | undefined): string[] {
  if (!condition) return [];
  if (isRule(condition)) return [condition.field];
  if (isNot(condition)) return conditionFields(condition.not);
  return (isAll(condition) ? condition.all : condition.any).flatMap(conditionFields);
}

/** Problems the builder shows before the server is asked: a rule without a field, a value missing, an operator that does not fit. */
export function conditionProblems(condition: Condition | null | undefined, typeOf: (field: string) => FieldType | undefined): string[] {
  if (!condition) return [];
  if (isRule(condition)) {
    if (!condition.field) return ['field'];
    const type = typeOf(condition.field);
    if (!operatorsFor(type).includes(condition.op)) return ['operator'];
    if (takesNoValue(condition.op)) return [];
    const v = condition.value;
    if (takesList(condition.op) ? !Array.isArray(v) || v.length === 0 : v === undefined || v === null || v === '') return ['value'];
    return [];
  }
  if (isNot(condition)) return conditionProblems(condition.not, typeOf);
  return (isAll(condition) ? condition.all : condition.any).flatMap((c) => conditionProblems(c, typeOf));
}
