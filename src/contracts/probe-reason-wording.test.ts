import { describe, expect, it } from 'vitest';
import { because } from '../core/probes/probe-reason';
import { PROBE_REASON_WORDING, sayObservationReason } from './probe-reason-wording';

// The Japanese table is a Record<ProbeReasonCode, string>: the compiler holds its codes in step with the engine.
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const { ja, en } = PROBE_REASON_WORDING;

describe('probe reasons in ja and en', () => {
  it('says every reason in ja and en with the same placeholders', () => {
    expect(Object.keys(en.texts).sort()).toEqual(Object.keys(ja.texts).sort());
    for (const [code, japanese] of Object.entries(ja.texts)) {
      const english = en.texts[code as keyof typeof en.texts];
      expect([code, placeholders(japanese)]).toEqual([code, placeholders(english)]);
    }
  });

  it('writes Japanese without stray spaces between Japanese text and a placeholder', () => {
    for (const text of Object.values(ja.texts))
      expect(text).not.toMatch(/[ぁ-んァ-ン一-龥] \{\{|\}\} [ぁ-んァ-ン一-龥]/u);
  });

  it("says an observation's reasons, with their causes, in the language asked for", () => {
    const observation = {
      reason: 'stored English',
      reasonCodes: [
        because('default_credential_accepted', { user: 'admin' }),
        because('attempts_not_judged', { count: 1, tried: 3 }, [because('no_answer_within', { ms: 500 })]),
      ],
    };
    expect(sayObservationReason(observation, 'ja')).toBe(
      'ユーザーadminの初期パスワードでログインできました／3回の試行のうち1回は成否を判定できませんでした（500ミリ秒以内に応答がありません）',
    );
    expect(sayObservationReason(observation, 'en')).toBe(
      'default credential accepted for user admin; 1 of 3 attempts could not be judged (no answer within 500 ms)',
    );
  });

  it('falls back to the stored English text without codes or with a code this build does not know', () => {
    expect(sayObservationReason({ reason: 'closed' }, 'ja')).toBe('closed');
    expect(sayObservationReason({ reason: null, reasonCodes: null }, 'ja')).toBe('');
    const unknown = { code: 'from_a_newer_engine', params: {} } as unknown as ReturnType<typeof because>;
    expect(sayObservationReason({ reason: 'newer', reasonCodes: [because('timed_out', {}, [unknown])] }, 'ja')).toBe(
      'newer',
    );
  });
});
