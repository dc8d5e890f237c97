import { expect, it } from 'vitest';
import { titleBesideId } from './advisory-title';

it('shows a title beside the id only when it says more than the id', () => {
  expect(titleBesideId('CVE-2026-0001', 'Camera web UI allows command injection')).toBe(
    'Camera web UI allows command injection',
  );
  expect(titleBesideId('CVE-2026-0001', 'CVE-2026-0001')).toBeUndefined();
  expect(titleBesideId('GHSA-abcd-1234', ' ghsa-ABCD-1234 ')).toBeUndefined();
  expect(titleBesideId('JVNDB-2026-000001', '')).toBeUndefined();
  expect(titleBesideId('JVNDB-2026-000001', null)).toBeUndefined();
});
