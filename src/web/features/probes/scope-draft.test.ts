import { describe, expect, it } from 'vitest';
import type { ProbeScopeView } from '../../../contracts/probes';
import {
  appendTargets,
  draftFromScope,
  emptyScopeDraft,
  parsePorts,
  toCreateInput,
  toUpdateInput,
} from './scope-draft';

const stored: ProbeScopeView = {
  id: 'scope-1',
  name: '倉庫カメラ',
  targets: '10.0.0.0/24',
  entries: [{ kind: 'network', text: '10.0.0.0/24', addresses: 256 }],
  addressCount: 256,
  allowCredentials: false,
  rate: 100,
  concurrency: 32,
  vantage: 'inside',
  expectedPorts: null,
  timeZone: 'Asia/Tokyo',
  timeWindows: [{ days: ['mon', 'tue'], start: '22:00', end: '06:00' }],
  archived: false,
  version: 3,
  createdBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  lastRun: null,
};

describe('scope draft', () => {
  it('starts gentle: no credential attempts, inside, 100 connections per second', () => {
    const draft = emptyScopeDraft('Asia/Tokyo');
    expect(draft.allowCredentials).toBe(false);
    expect(draft.vantage).toBe('inside');
    expect(draft.rate).toBe('100');
  });

  it('reads port lists and names the pieces that are not ports', () => {
    expect(parsePorts('22, 80 443,22')).toEqual({ ports: [22, 80, 443] });
    expect(parsePorts('')).toEqual({ ports: [] });
    expect(parsePorts('22, http, 70000, 0')).toEqual({ invalid: ['http', '70000', '0'] });
  });

  it('appends device addresses to the targets once', () => {
    expect(appendTargets('', ['10.0.0.5'])).toBe('10.0.0.5');
    expect(appendTargets('10.0.0.0/24\n', ['10.0.0.5', '10.0.0.6'])).toBe('10.0.0.0/24\n10.0.0.5\n10.0.0.6');
    expect(appendTargets('10.0.0.5, 10.0.0.6', ['10.0.0.6'])).toBe('10.0.0.5, 10.0.0.6');
  });

  it('builds a create request, or the problems at their fields without a request', () => {
    const draft = { ...emptyScopeDraft('UTC'), name: ' 検査 ', targets: '127.0.42.0/29\n', expectedPorts: '22' };
    expect(toCreateInput(draft)).toEqual({
      input: {
        name: '検査',
        targets: '127.0.42.0/29',
        allowCredentials: false,
        rate: 100,
        concurrency: 32,
        vantage: 'inside',
        expectedPorts: [22],
        timeZone: 'UTC',
        timeWindows: [],
      },
    });
    expect(toCreateInput({ ...draft, rate: 'fast', expectedPorts: 'ssh' })).toEqual({
      problems: [
        { field: 'expectedPorts', values: ['ssh'] },
        { field: 'rate', values: ['fast'] },
      ],
    });
  });

  it('sends only what changed, with the version that was edited', () => {
    const draft = draftFromScope(stored);
    expect(toUpdateInput(draft, stored)).toEqual({ input: { version: 3 } });
    const changed = { ...draft, allowCredentials: true, expectedPorts: '443', timeWindows: [] };
    expect(toUpdateInput(changed, stored)).toEqual({
      input: { version: 3, allowCredentials: true, expectedPorts: [443], timeWindows: [] },
    });
    const cleared = draftFromScope({ ...stored, expectedPorts: [22] });
    expect(toUpdateInput({ ...cleared, expectedPorts: '' }, { ...stored, expectedPorts: [22] })).toEqual({
      input: { version: 3, expectedPorts: null },
    });
  });
});
