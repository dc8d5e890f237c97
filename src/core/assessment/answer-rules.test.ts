import { describe, expect, it } from 'vitest';
import {
  answerContentProblems,
  applyEdit,
  canonicalChecks,
  EMPTY_ANSWER,
  isSameContent,
  type AnswerState,
} from './answer-rules';
import { compareResults, compareScores } from './compare-results';
import { resolveCheckReference, resolveItemReference, type FrameworkItem } from './framework-items';
import { isAnswerOverdue } from './overdue';
import { rankGap } from './rank-gaps';

const item: FrameworkItem = {
  itemId: 'x:25',
  code: '25',
  functionCode: 'PR',
  categoryCode: 'PR.AC',
  checkIds: ['x:25.1', 'x:25.2'],
};

describe('answer rules', () => {
  it('needs a justification for not_applicable and only the item’s own checks', () => {
    expect(answerContentProblems(item, { ...EMPTY_ANSWER, result: 'not_applicable', justification: ' ' })).toEqual([
      { field: 'justification', reason: expect.any(String) },
    ]);
    expect(
      answerContentProblems(
        item,
        { ...EMPTY_ANSWER, result: 'partial', checks: { 'x:26.1': { done: true, note: '' } } },
        (field) => ({ path: `answers[2].${field}` }),
      ),
    ).toEqual([{ path: 'answers[2].checks.x:26.1', reason: expect.any(String) }]);
    expect(
      answerContentProblems(item, { ...EMPTY_ANSWER, result: 'not_applicable', justification: '対象機器なし' }),
    ).toEqual([]);
  });

  it('treats a check that says nothing as absent', () => {
    expect(canonicalChecks({ 'x:25.2': { done: false, note: '' }, 'x:25.1': { done: false, note: 'memo' } })).toEqual({
      'x:25.1': { done: false, note: 'memo' },
    });
    expect(isSameContent(EMPTY_ANSWER, { ...EMPTY_ANSWER, checks: { 'x:25.1': { done: false, note: ' ' } } })).toBe(
      true,
    );
  });

  it('reopens an accepted or ready answer on a real change only, and keeps a returned one returned', () => {
    const accepted: AnswerState = { ...EMPTY_ANSWER, result: 'implemented', reviewState: 'accepted' };
    expect(applyEdit(accepted, { ...accepted })).toBe(accepted);
    expect(applyEdit(accepted, { ...accepted, comment: 'x' }).reviewState).toBe('open');
    expect(
      applyEdit({ ...accepted, reviewState: 'ready_for_review' }, { ...accepted, result: 'partial' }).reviewState,
    ).toBe('open');
    expect(
      applyEdit({ ...accepted, reviewState: 'returned', returnReason: 'why' }, { ...accepted, comment: 'fixed' }),
    ).toMatchObject({ reviewState: 'returned', returnReason: 'why' });
  });
});

describe('comparison and gaps', () => {
  it('orders results and compares not_applicable only for equality', () => {
    expect(compareResults('partial', 'implemented')).toBe('improved');
    expect(compareResults('not_implemented', 'unanswered')).toBe('worse');
    expect(compareResults('not_applicable', 'not_applicable')).toBe('unchanged');
    expect(compareResults('implemented', 'not_applicable')).toBe('changed');
    expect(compareScores(0.5, 0.5 + 1e-12)).toBe('unchanged');
    expect(compareScores(null, 0.2)).toBe('changed');
    expect(compareScores(0.4, 0.2)).toBe('worse');
  });

  it('ranks gaps by weight × criticality × overdue', () => {
    expect(rankGap({ weight: 2, criticality: 'critical', overdue: true })).toBe(12);
    expect(rankGap({ weight: 1, criticality: 'supporting', overdue: false })).toBe(1);
    expect(isAnswerOverdue({ dueDate: '2026-11-21', reviewState: 'open' }, '2026-11-22')).toBe(true);
    expect(isAnswerOverdue({ dueDate: '2026-11-21', reviewState: 'returned' }, '2026-11-22')).toBe(true);
    expect(isAnswerOverdue({ dueDate: '2026-11-21', reviewState: 'accepted' }, '2026-11-22')).toBe(false);
    expect(isAnswerOverdue({ dueDate: '2026-11-22', reviewState: 'open' }, '2026-11-22')).toBe(false);
    expect(isAnswerOverdue({ dueDate: null, reviewState: 'open' }, '2026-11-22')).toBe(false);
  });

  it('finds items and checks by id or number', () => {
    expect(resolveItemReference([item], 'x', 'x:25')).toBe(item);
    expect(resolveItemReference([item], 'x', '025')).toBe(item);
    expect(resolveItemReference([item], 'x', 'y:25')).toBeUndefined();
    expect(resolveCheckReference(item, 'x', '25.2')).toBe('x:25.2');
    expect(resolveCheckReference(item, 'x', '26.1')).toBeUndefined();
  });
});
