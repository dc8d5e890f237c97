import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatFieldValue } from './device-fields';

// The message key stands in for its text, so the test sees which label was chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe('device values as text', () => {
  it('names enumeration values by their labels, lists and custom fields joined', () => {
    expect(formatFieldValue(t, 'status', 'in_stock')).toBe('inventory.statuses.in_stock');
    expect(formatFieldValue(t, 'dataClasses', ['personal', 'video_audio'])).toBe(
      'inventory.dataClasses.personal, inventory.dataClasses.video_audio',
    );
    expect(formatFieldValue(t, 'ipAddresses', ['192.0.2.1', '2001:db8::1'])).toBe('192.0.2.1, 2001:db8::1');
    expect(formatFieldValue(t, 'customFields', { 契約番号: 'K-1', 点検: true })).toBe('契約番号: K-1, 点検: true');
    expect(formatFieldValue(t, 'safetyRelevant', false)).toBe('inventory.no');
  });

  it('shows empty values, empty lists and empty custom fields alike', () => {
    for (const empty of [null, undefined, '', [], {}])
      expect(formatFieldValue(t, 'customFields', empty)).toBe('inventory.notSet');
  });
});
