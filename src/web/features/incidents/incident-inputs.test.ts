import { describe, expect, it } from 'vitest';
import { lessonInput } from './close-dialog';
import { playbookInput } from './playbook-form';

describe('request bodies built from the incident forms', () => {
  it('sends a lesson trimmed, leaving out a blank owner and due date', () => {
    expect(
      lessonInput({
        itemId: 'jssec-v2:57',
        lesson: ' 経路が台帳になかった ',
        recommendation: '登録する',
        owner: ' ',
        due: '',
      }),
    ).toEqual({ itemId: 'jssec-v2:57', lesson: '経路が台帳になかった', recommendation: '登録する' });
    expect(
      lessonInput({ itemId: 'jssec-v2:59', lesson: 'L', recommendation: '', owner: '山田', due: '2027-01-31' }),
    ).toEqual({ itemId: 'jssec-v2:59', lesson: 'L', recommendation: '', owner: '山田', due: '2027-01-31' });
  });

  it('drops blank steps and checklist rows and sends minutes as numbers', () => {
    const body = playbookInput('sys-1', {
      title: ' 不正アクセス対応 ',
      steps: [
        { title: '影響範囲の確認', ownerStakeholderId: 'st-1', expectedMinutes: '30' },
        { title: '  ', ownerStakeholderId: '', expectedMinutes: '' },
        { title: '遮断', ownerStakeholderId: '', expectedMinutes: '' },
      ],
      contactIds: ['st-1'],
      firstReportTemplate: { ja: '第一報', en: 'First report' },
      checklists: {
        regulator: [
          { ja: '報告要否を判断する', en: '' },
          { ja: ' ', en: '' },
        ],
        customer: [],
        ipa_jpcert: [{ ja: '', en: 'Report to JPCERT/CC' }],
      },
    });
    expect(body).toEqual({
      systemId: 'sys-1',
      title: '不正アクセス対応',
      steps: [
        { title: '影響範囲の確認', ownerStakeholderId: 'st-1', expectedMinutes: 30 },
        { title: '遮断', ownerStakeholderId: null, expectedMinutes: null },
      ],
      contactIds: ['st-1'],
      firstReportTemplate: { ja: '第一報', en: 'First report' },
      checklists: {
        regulator: [{ ja: '報告要否を判断する', en: '' }],
        customer: [],
        ipa_jpcert: [{ ja: '', en: 'Report to JPCERT/CC' }],
      },
    });
  });
});
