import { describe, expect, it } from 'vitest';
import { planCredentialAttempts, validateCredentialList } from './credential-attempts';
import { BUILT_IN_CREDENTIALS } from './default-credentials';

describe('credential attempts', () => {
  it('puts the admin list first, drops repeats and respects the per-account and per-service limits', () => {
    const attempts = planCredentialAttempts(
      [
        { user: 'root', password: 'xc3511' },
        { user: 'op', password: 'op' },
      ],
      { maxPerAccount: 3, maxPerService: 8 },
    );
    expect(attempts.slice(0, 2)).toEqual([
      { user: 'root', password: 'xc3511' },
      { user: 'op', password: 'op' },
    ]);
    expect(attempts.filter((attempt) => attempt.user === 'root')).toHaveLength(3);
    expect(attempts).toHaveLength(8);
    expect(new Set(attempts.map((attempt) => `${attempt.user}/${attempt.password}`)).size).toBe(8);
  });

  it('can leave the built-in list out', () => {
    expect(planCredentialAttempts([{ user: 'a', password: 'b' }], undefined, false)).toEqual([
      { user: 'a', password: 'b' },
    ]);
    expect(BUILT_IN_CREDENTIALS.length).toBe(59);
    expect(BUILT_IN_CREDENTIALS).toContainEqual(['admin', '']);
  });

  it('validates admin lists without echoing passwords', () => {
    expect(() => validateCredentialList([{ user: '', password: 'secret-value' }])).toThrowError(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'credentials[0].user' })] }),
    );
    const tooLong = (): unknown => validateCredentialList([{ user: 'x', password: 'p'.repeat(200) }]);
    expect(tooLong).toThrowError(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'credentials[0].password' })] }),
    );
    expect(
      JSON.stringify(
        (() => {
          try {
            tooLong();
          } catch (error) {
            return error;
          }
        })(),
      ),
    ).not.toContain('ppppp');
  });
});
