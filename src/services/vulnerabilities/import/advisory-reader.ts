import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';

/** The advisory sources an import names; `auto` detects the format from the file. */
export type AdvisorySourceChoice = 'auto' | 'nvd' | 'jvn' | 'csaf' | 'osv';

/**
 * Reads one file into normalised advisories, throwing DomainError('VALIDATION_FAILED') with
 * located details when the file is invalid (src/integrations/feeds/read-advisory-file.ts).
 * Nothing read may be committed before the iterator has finished.
 */
export type AdvisoryReader = (
  file: string,
  options: { source: AdvisorySourceChoice },
) => AsyncIterable<NormalisedAdvisory>;
