import type { AdvisoryScore, SeverityLevel } from './advisory.types';

// Severity levels from CVSS base scores (issue 13). Feeds do not always name the level (CVSS v2
// in NVD puts it beside the data, CSAF never does), so every importer bands the score itself, with
// the CVSS v3/v4 bands for every version: one scale for filters and badges.

/** The qualitative level of a CVSS base score: 0 none, < 4 low, < 7 medium, < 9 high, else critical. */
export function severityOfScore(score: number): SeverityLevel {
  if (score <= 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

const SCORE_VERSIONS: ReadonlyArray<AdvisoryScore['version']> = ['2.0', '3.0', '3.1', '4.0'];

/**
 * Builds a score from a CVSS version, base score and vector as a feed writes them; undefined when
 * the version is not one we keep or the score is not a number between 0 and 10.
 */
export function feedScore(version: unknown, baseScore: unknown, vector: unknown): AdvisoryScore | undefined {
  const text = typeof version === 'number' ? version.toFixed(1) : String(version ?? '');
  const known = SCORE_VERSIONS.find((candidate) => candidate === text);
  const score = typeof baseScore === 'string' ? Number(baseScore) : baseScore;
  if (!known || typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10) return undefined;
  return {
    version: known,
    baseScore: score,
    vector: typeof vector === 'string' ? vector : '',
    level: severityOfScore(score),
  };
}
