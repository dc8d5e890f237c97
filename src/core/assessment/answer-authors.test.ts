import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWER, type AnswerState } from './answer-rules';
import { answerAuthors } from './answer-authors';

const implemented: AnswerState = { ...EMPTY_ANSWER, result: 'implemented' };

describe('answerAuthors', () => {
  it('counts whoever changed the content, not who only moved the review state', () => {
    const authors = answerAuthors([
      { changedBy: 'writer', before: null, after: implemented },
      { changedBy: 'assessor', before: implemented, after: { ...implemented, reviewState: 'ready_for_review' } },
      {
        changedBy: 'reviewer',
        before: { ...implemented, reviewState: 'ready_for_review' },
        after: { ...implemented, reviewState: 'returned', returnReason: '根拠が不足' },
      },
      { changedBy: 'fixer', before: implemented, after: { ...implemented, comment: '証跡を追加' } },
      { changedBy: null, before: null, after: implemented },
    ]);
    expect([...authors].sort()).toEqual(['fixer', 'writer']);
  });

  it('names nobody for an answer never written', () => {
    expect(answerAuthors([]).size).toBe(0);
  });
});
