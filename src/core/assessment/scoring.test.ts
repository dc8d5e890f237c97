import { describe, expect, it } from 'vitest';
import type { AnswerResult } from './assessment.types';
import { canChangeReview, canChangeStatus } from './assessment.types';
import { computeScores, levelOf, type ScoredItem } from './scoring';

const items: ScoredItem[] = [
  { itemId: 'x:1', functionCode: 'ID', categoryCode: 'ID.AM' },
  { itemId: 'x:2', functionCode: 'ID', categoryCode: 'ID.AM' },
  { itemId: 'x:3', functionCode: 'ID', categoryCode: 'ID.RA' },
  { itemId: 'x:4', functionCode: 'PR', categoryCode: 'PR.AC' },
];
const scoresOf = (entries: [string, AnswerResult][]) => computeScores(items, new Map(entries));

describe('computeScores', () => {
  it('counts implemented as 1, partial as 0.5, unanswered and missing as 0', () => {
    const scores = scoresOf([
      ['x:1', 'implemented'],
      ['x:2', 'partial'],
      ['x:3', 'not_implemented'],
    ]);
    expect(scores.functions['ID']?.score).toBeCloseTo(1.5 / 3);
    expect(scores.categories['ID.AM']?.score).toBeCloseTo(0.75);
    expect(scores.overall.score).toBeCloseTo(1.5 / 4);
    expect(scores.overall.completion).toBeCloseTo(3 / 4);
    expect(scores.functions['PR']).toMatchObject({ score: 0, unanswered: 1, completion: 0 });
  });

  it('leaves not_applicable out of the denominator but counts it as answered', () => {
    const scores = scoresOf([
      ['x:1', 'implemented'],
      ['x:2', 'not_applicable'],
      ['x:3', 'implemented'],
      ['x:4', 'unanswered'],
    ]);
    expect(scores.functions['ID']).toMatchObject({ applicable: 2, score: 1, completion: 1, level: 4 });
    expect(scores.overall).toMatchObject({ applicable: 3, answered: 3 });
    expect(scores.overall.score).toBeCloseTo(2 / 3);
  });

  it('has no score when nothing is applicable', () => {
    const scores = scoresOf([['x:4', 'not_applicable']]);
    expect(scores.functions['PR']).toMatchObject({ score: null, level: 0, completion: 1 });
  });

  it('maps scores to levels 0–4 in 20 % bands', () => {
    expect([0, 0.19, 0.2, 0.45, 0.6, 0.79, 0.8, 1, null].map(levelOf)).toEqual([0, 0, 1, 2, 3, 3, 4, 4, 0]);
  });
});

describe('transitions', () => {
  it('allows the assessment life cycle and refuses skipping review', () => {
    expect(canChangeStatus('planned', 'in_progress')).toBe(true);
    expect(canChangeStatus('in_progress', 'done')).toBe(false);
    expect(canChangeStatus('archived', 'in_progress')).toBe(false);
    expect(canChangeReview('ready_for_review', 'accepted')).toBe(true);
    expect(canChangeReview('open', 'accepted')).toBe(false);
  });
});
