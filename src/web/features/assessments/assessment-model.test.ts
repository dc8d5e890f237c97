import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../contracts/assessment.schema';
import { matchesFilter, nextYearTitle, percent } from './assessment-model';

const answer = (patch: Partial<Answer>): Answer => ({
  itemId: 'jssec-v2:1',
  result: 'unanswered',
  justification: '',
  comment: '',
  checks: {},
  assigneeUserId: null,
  dueDate: null,
  reviewState: 'open',
  returnReason: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
  evidenceCount: 0,
  openFindings: 0,
  overdue: false,
  ...patch,
});

describe('assessment model', () => {
  it('names next year after the first year in the title, else adds a suffix', () => {
    expect(nextYearTitle('2026年度 定期評価', '（コピー）')).toBe('2027年度 定期評価');
    expect(nextYearTitle('FY2026 review of 2025 findings', '(copy)')).toBe('FY2027 review of 2025 findings');
    expect(nextYearTitle('定期評価', '（コピー）')).toBe('定期評価 （コピー）');
  });

  it('filters overdue by the server’s flag (the one definition, in core), not a date of its own', () => {
    expect(matchesFilter(answer({ overdue: true }), 'overdue', undefined)).toBe(true);
    // A past due date alone does not make it overdue here: the server decided it is not (accepted).
    expect(matchesFilter(answer({ dueDate: '2000-01-01', reviewState: 'accepted' }), 'overdue', undefined)).toBe(false);
  });

  it('filters by result, assignee and review state', () => {
    expect(matchesFilter(answer({}), 'unanswered', 'u1')).toBe(true);
    expect(matchesFilter(answer({ result: 'not_implemented' }), 'not_implemented', 'u1')).toBe(true);
    expect(matchesFilter(answer({ assigneeUserId: 'u1' }), 'mine', 'u1')).toBe(true);
    expect(matchesFilter(answer({ assigneeUserId: 'u2' }), 'mine', 'u1')).toBe(false);
    expect(matchesFilter(answer({ reviewState: 'returned' }), 'returned', undefined)).toBe(true);
    expect(matchesFilter(answer({ result: 'implemented' }), 'all', undefined)).toBe(true);
  });

  it('shows scores as whole percent and nothing applicable as a dash', () => {
    expect(percent(0.4567)).toBe('46%');
    expect(percent(null)).toBe('—');
  });
});
