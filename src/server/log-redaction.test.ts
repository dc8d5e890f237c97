import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('takes the token out of a questionnaire link, plain or inside next=', () => {
    expect(redactUrl('/questionnaires/respond/abcDEF_123-x')).toBe('/questionnaires/respond/[redacted]');
    expect(redactUrl('/login?next=%2Fquestionnaires%2Frespond%2FabcDEF_123')).toBe(
      '/login?next=%2Fquestionnaires%2Frespond%2F[redacted]',
    );
    expect(redactUrl('/assessments/42')).toBe('/assessments/42');
  });
});
