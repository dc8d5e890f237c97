// The search (core) and the web label verifiable facts with the same words: a user who reads
// 初期パスワード on an item's tags must find the item by typing it.
import { describe, expect, it } from 'vitest';
import { VERIFIABLE_LABELS } from '../src/core/catalog/verifiable-labels';
import { en } from '../src/web/i18n/en';
import { ja } from '../src/web/i18n/ja';

describe('verifiable fact labels', () => {
  it('are the same in the search index and in the web, in both languages', () => {
    for (const [fact, label] of Object.entries(VERIFIABLE_LABELS)) {
      expect(ja.tagValues[fact as keyof typeof ja.tagValues], fact).toBe(label.ja);
      expect(en.tagValues[fact as keyof typeof en.tagValues], fact).toBe(label.en);
    }
  });
});
