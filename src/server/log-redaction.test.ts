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

describe('redactUrl on invitations and secret query values', () => {
  it('takes the token out of an invitation link, in the API and in the web app', () => {
    expect(redactUrl('/api/invitations/Zq9_tok-en/accept')).toBe('/api/invitations/[redacted]/accept');
    expect(redactUrl('/invitations/Zq9_tok-en')).toBe('/invitations/[redacted]');
    expect(redactUrl('/api/organisation/invitations')).toBe('/api/organisation/invitations');
  });

  it("redacts an OIDC callback's code and state and any token= value, keeping other parameters", () => {
    expect(redactUrl('/api/auth/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      '/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(redactUrl('/x?token=s3cret#frag')).toBe('/x?token=[redacted]#frag');
    expect(redactUrl('/api/inventory/devices?q=code&limit=50')).toBe('/api/inventory/devices?q=code&limit=50');
  });
});
