import { describe, expect, it } from 'vitest';
import { draftOf, triageRequest, validateTriage } from './triage-draft';

const target = { kind: 'model', manufacturer: 'Acme', model: 'CAM-100' } as const;

describe('triage draft', () => {
  it('starts in triage when there is no decision yet', () => {
    expect(draftOf(null)).toEqual({ status: 'in_triage', justification: '', detail: '', owner: '', due: '' });
  });

  it('fills from an existing decision, the due date as a day', () => {
    const draft = draftOf({
      id: 't1',
      advisoryId: 'adv-1',
      target,
      status: 'not_affected',
      justification: 'protected_at_perimeter',
      detail: 'behind the firewall',
      owner: 'ops',
      due: '2027-01-31',
      version: 3,
      updatedBy: 'u1',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(draft).toMatchObject({ status: 'not_affected', justification: 'protected_at_perimeter', due: '2027-01-31' });
  });

  it('requires a justification for not_affected only', () => {
    const draft = { ...draftOf(null), status: 'not_affected' as const };
    expect(validateTriage(draft)).toEqual({ justification: 'justificationRequired' });
    expect(validateTriage({ ...draft, justification: 'code_not_present' })).toEqual({});
    expect(validateTriage({ ...draft, status: 'exploitable' })).toEqual({});
  });

  it('refuses a due date that is not a day', () => {
    expect(validateTriage({ ...draftOf(null), due: '31/01/2027' })).toEqual({ due: 'dueInvalid' });
    expect(validateTriage({ ...draftOf(null), due: '2027-13-45' })).toEqual({ due: 'dueInvalid' });
  });

  it('sends only the fields that mean something', () => {
    const request = triageRequest(
      'adv-1',
      target,
      { status: 'resolved', justification: 'code_not_present', detail: '  ', owner: ' ops ', due: '' },
      2,
    );
    expect(request).toEqual({ advisoryId: 'adv-1', target, status: 'resolved', owner: 'ops', expectedVersion: 2 });
    const notAffected = triageRequest(
      'adv-1',
      { kind: 'device', deviceId: 'd1' },
      {
        status: 'not_affected',
        justification: 'requires_configuration',
        detail: 'telnet is off',
        owner: '',
        due: '2027-02-01',
      },
    );
    expect(notAffected).toEqual({
      advisoryId: 'adv-1',
      target: { kind: 'device', deviceId: 'd1' },
      status: 'not_affected',
      justification: 'requires_configuration',
      detail: 'telnet is off',
      due: '2027-02-01',
    });
  });
});
