import type { AnswerResult } from './assessment.types';

/** Where an item sits in the checksheet: its function (ID) and category (ID.AM). */
export interface ScoredItem {
  readonly itemId: string;
  readonly functionCode: string;
  readonly categoryCode: string;
}

/** Counts and score of one group (a category, a function, or everything). */
export interface GroupScore {
  readonly items: number;
  readonly applicable: number;
  readonly answered: number;
  readonly implemented: number;
  readonly partial: number;
  readonly notImplemented: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  /** (implemented + 0.5 × partial) / applicable; null when nothing is applicable. */
  readonly score: number | null;
  /** answered / items. */
  readonly completion: number;
  /** 0–4 for management, from the score (see LEVEL_THRESHOLDS). */
  readonly level: number;
}

export interface Scores {
  readonly overall: GroupScore;
  readonly functions: Readonly<Record<string, GroupScore>>;
  readonly categories: Readonly<Record<string, GroupScore>>;
}

/**
 * Score → level: 0 below 20 %, 1 from 20 %, 2 from 40 %, 3 from 60 %, 4 from 80 %.
 * Equal bands keep the level easy to explain; 4 does not demand perfection, 0 means barely started.
 */
export const LEVEL_THRESHOLDS = [0.2, 0.4, 0.6, 0.8] as const;

export function levelOf(score: number | null): number {
  if (score === null) return 0;
  return LEVEL_THRESHOLDS.filter((threshold) => score >= threshold - 1e-9).length;
}

function scoreGroup(results: readonly AnswerResult[]): GroupScore {
  const count = (result: AnswerResult) => results.filter((candidate) => candidate === result).length;
  const implemented = count('implemented');
  const partial = count('partial');
  const notApplicable = count('not_applicable');
  const unanswered = count('unanswered');
  const applicable = results.length - notApplicable;
  const score = applicable === 0 ? null : (implemented + 0.5 * partial) / applicable;
  return {
    items: results.length,
    applicable,
    answered: results.length - unanswered,
    implemented,
    partial,
    notImplemented: count('not_implemented'),
    notApplicable,
    unanswered,
    score,
    completion: results.length === 0 ? 0 : (results.length - unanswered) / results.length,
    level: levelOf(score),
  };
}

/**
 * The one definition of scores: per category, per function and overall,
 * score = (implemented + 0.5 × partial) / applicable, where applicable excludes not_applicable
 * and unanswered counts as 0; completion = answered / all items. Items without an answer are unanswered.
 */
export function computeScores(items: readonly ScoredItem[], results: ReadonlyMap<string, AnswerResult>): Scores {
  const resultOf = (item: ScoredItem): AnswerResult => results.get(item.itemId) ?? 'unanswered';
  const group = (key: (item: ScoredItem) => string) => {
    const groups = new Map<string, AnswerResult[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), resultOf(item)]);
    return Object.fromEntries([...groups].map(([code, groupResults]) => [code, scoreGroup(groupResults)]));
  };
  return {
    overall: scoreGroup(items.map(resultOf)),
    functions: group((item) => item.functionCode),
    categories: group((item) => item.categoryCode),
  };
}
