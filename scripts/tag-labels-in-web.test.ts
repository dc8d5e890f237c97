// The search and CLI (core) and the web label item tags with the same words: a user who reads
// 初期パスワード on an item's tags must find the item by typing it.
import { describe, expect, it } from 'vitest';
import { TAG_LABELS } from '../src/core/catalog/tag-labels';
import { en } from '../src/web/i18n/en';
import { ja } from '../src/web/i18n/ja';

describe('item tag labels', () => {
  it('are the same in the search index, the CLI and the web, in both languages', () => {
    for (const [fact, label] of Object.entries(TAG_LABELS)) {
      expect(ja.tagValues[fact as keyof typeof ja.tagValues], fact).toBe(label.ja);
      expect(en.tagValues[fact as keyof typeof en.tagValues], fact).toBe(label.en);
    }
  });
});
