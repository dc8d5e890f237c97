import type { AnswerResult } from './assessment.types';

/**
 * How one item or score moved between two assessments. `changed` is for moves that have no
 * direction: an item became (or stopped being) not applicable, or a score appeared or vanished.
 */
export type Change = 'improved' | 'worse' | 'unchanged' | 'changed';

const RANK: Readonly<Record<Exclude<AnswerResult, 'not_applicable'>, number>> = {
  implemented: 3,
  partial: 2,
  not_implemented: 1,
  unanswered: 0,
};

/**
 * implemented > partial > not_implemented > unanswered. not_applicable is compared only for
 * equality: both not applicable is unchanged, one of them is `changed`.
 */
export function compareResults(before: AnswerResult, after: AnswerResult): Change {
  if (before === after) return 'unchanged';
  if (before === 'not_applicable' || after === 'not_applicable') return 'changed';
  return RANK[after] > RANK[before] ? 'improved' : 'worse';
}

/** Higher is better; scores within 1e-9 are equal; null (nothing applicable) against a number is `changed`. */
export function compareScores(before: number | null, after: number | null): Change {
  if (before === null || after === null) return before === after ? 'unchanged' : 'changed';
  if (Math.abs(after - before) < 1e-9) return 'unchanged';
  return after > before ? 'improved' : 'worse';
}
