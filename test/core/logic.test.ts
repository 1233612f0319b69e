import { describe, expect, it } from 'vitest';
import { and3, not3, or3 } from '../../src/evaluate/kleene.js';
import { OPERATOR_TABLE } from '../../src/evaluate/operators.js';

describe('Kleene logic', () => {
  it('and: false wins, then unknown', () => {
    expect(and3([true, undefined, false])).toBe(false);
    expect(and3([true, undefined])).toBeUndefined();
    expect(and3([true, true])).toBe(true);
  });
  it('or: true wins, then unknown', () => {
    expect(or3([false, undefined, true])).toBe(true);
    expect(or3([false, undefined])).toBeUndefined();
    expect(or3([])).toBe(false);
  });
  it('not keeps unknown unknown', () => {
    expect(not3(undefined)).toBeUndefined();
    expect(not3(true)).toBe(false);
  });
});

describe('operators never turn an unknown fact into an answer', () => {
  it('notEqual and notIn on an unknown fact are unknown (json-rules-engine would say true)', () => {
    expect(OPERATOR_TABLE.notEqual(undefined, 'ID')).toBeUndefined();
    expect(OPERATOR_TABLE.notIn(undefined, ['ID'])).toBeUndefined();
    expect(OPERATOR_TABLE.doesNotContain(undefined, 'ID')).toBeUndefined();
  });
  it('an age interval decides only when it lies wholly on one side', () => {
    expect(OPERATOR_TABLE.lessThan({ min: 12, max: 17 }, 18)).toBe(true);
    expect(OPERATOR_TABLE.lessThan({ min: 18, max: 30 }, 18)).toBe(false);
    expect(OPERATOR_TABLE.lessThan({ min: 16, max: 19 }, 18)).toBeUndefined();
    expect(OPERATOR_TABLE.lessThan({ min: 17, max: 18 }, 18)).toBeUndefined();
  });
});
