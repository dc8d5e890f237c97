import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue, Worksheet } from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import {
  checksheetSheet,
  editWorkbook,
  findSoffice,
  rowOfNumber,
  sofficeConvert,
  writeReportFile,
} from '../../testing/test-workbooks';
import { changeAssessmentStatus } from '../assessments/change-assessment-status';
import { listAnswerHistory } from '../assessments/list-answer-history';
import { saveAnswer } from '../assessments/save-answer';
import { createFinding } from '../findings/create-finding';
import { generateChecksheetWorkbook } from './generate-checksheet-workbook';
import { importChecksheetWorkbook } from './import-checksheet-workbook';

const work = mkdtempSync(join(tmpdir(), 'iotcheck-workbook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const soffice = findSoffice();
let fileCount = 0;

describeEachDialect('checksheet workbook round trip', (database, dialect) => {
  const clock = createTestClock();
  const deps = () => createTestAssessmentDeps(database(), clock);
  const audits = async () => {
    const row = await database()
      .db.selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('action', '=', 'answer.apply')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  /** A team, an assessment with two saved answers and a finding, and its exported workbook. */
  async function exported(language: 'ja' | 'en' = 'ja') {
    const team = await seedAssessmentTeam(database(), `Plant ${++fileCount}`);
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: { version: 0, result: 'partial', comment: '初期パスワードは一部変更済み' },
    });
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '1',
      update: { version: 0, result: 'implemented', comment: '' },
    });
    await createFinding(deps(), {
      actor: team.assessor,
      assessmentId,
      finding: {
        itemId: 'jssec-v2:25',
        issue: '保守用アカウントの初期パスワードが残っている',
        impact: '遠隔から乗っ取られるおそれ',
        recommendation: '初期パスワードを変更する',
        priority: 'high',
        ownerName: '設備課 山田',
        dueDate: '2026-12-31',
      },
    });
    const file = join(work, `workbook-${fileCount}.xlsx`);
    const report = await generateChecksheetWorkbook(deps(), { actor: team.owner, assessmentId, language });
    await writeReportFile(report, file);
    return { team, assessmentId, file, report };
  }

  it('exports every item with answers, a drop-down of labels and a hidden sheet; an edited copy imports exactly its four changes, and again none', async () => {
    const { team, assessmentId, file, report } = await exported();
    expect(report.fileName).toMatch(/^iotcheck-checksheet-[0-9a-f-]{8}-\d{8}\.xlsx$/);
    let validation: unknown;
    await editWorkbook(file, (workbook) => {
      const sheet = checksheetSheet(workbook);
      expect(sheet.name).toBe('チェックシート');
      expect(sheet.rowCount).toBe(61);
      expect(String(rowOfNumber(sheet, 25).getCell(6).value)).toBe('一部実施');
      expect(String(rowOfNumber(sheet, 25).getCell(5).value)).toMatch(/^① /);
      validation = sheet.getCell('F10').dataValidation;
      expect(workbook.getWorksheet('iotcheck')?.state).toBe('hidden');
      expect(workbook.getWorksheet('指摘事項')?.getRow(2).getCell(2).value).toBe(
        '保守用アカウントの初期パスワードが残っている',
      );
      rowOfNumber(sheet, 25).getCell(6).value = '実施済';
      rowOfNumber(sheet, 2).getCell(6).value = 'Not implemented';
      rowOfNumber(sheet, 3).getCell(6).value = 'partial';
      rowOfNumber(sheet, 1).getCell(7).value = '台帳は毎月更新';
    });
    expect(validation).toMatchObject({ type: 'list', formulae: ['"実施済,一部実施,未実施,対象外,未回答"'] });

    const before = await audits();
    const dry = await importChecksheetWorkbook(deps(), { actor: team.assessor, file, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(await audits()).toBe(before);

    const result = await importChecksheetWorkbook(deps(), { actor: team.assessor, file, dryRun: false });
    expect(result).toEqual({
      assessmentId,
      applied: true,
      changes: [
        { itemId: 'jssec-v2:1', number: '1', field: 'comment', before: '', after: '台帳は毎月更新' },
        { itemId: 'jssec-v2:2', number: '2', field: 'result', before: 'unanswered', after: 'not_implemented' },
        { itemId: 'jssec-v2:3', number: '3', field: 'result', before: 'unanswered', after: 'partial' },
        { itemId: 'jssec-v2:25', number: '25', field: 'result', before: 'partial', after: 'implemented' },
      ],
    });
    expect(dry.changes).toEqual(result.changes);
    expect(await audits()).toBe(before + 4);
    const history = await listAnswerHistory(deps(), { actor: team.viewer, assessmentId, itemId: '25' });
    expect(history.entries.map((entry) => entry.version)).toEqual([2, 1]);
    expect(history.entries[0]).toMatchObject({ before: { result: 'partial' }, after: { result: 'implemented' } });

    const again = await importChecksheetWorkbook(deps(), { actor: team.assessor, file, dryRun: false });
    expect(again.changes).toEqual([]);
    expect(await audits()).toBe(before + 4);
  });

  it('changes only the assessment the workbook names, and refuses it at another assessment id', async () => {
    const { team, assessmentId, file } = await exported('en');
    const other = await seedAssessment(deps(), team.owner, { title: 'Other' });
    await editWorkbook(file, (workbook) => {
      rowOfNumber(checksheetSheet(workbook), 10).getCell(6).value = 'Implemented';
    });
    const refused = await domainErrorOf(
      importChecksheetWorkbook(deps(), {
        actor: team.owner,
        file,
        dryRun: false,
        expectedAssessmentId: other.assessmentId,
      }),
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.details[0]).toMatchObject({ path: 'iotcheck!B2', field: 'assessmentId' });
    const result = await importChecksheetWorkbook(deps(), { actor: team.owner, file, dryRun: false });
    expect(result.assessmentId).toBe(assessmentId);
    expect(result.changes).toEqual([
      { itemId: 'jssec-v2:10', number: '10', field: 'result', before: 'unanswered', after: 'implemented' },
    ]);
    const otherHistory = await listAnswerHistory(deps(), {
      actor: team.viewer,
      assessmentId: other.assessmentId,
      itemId: '10',
    });
    expect(otherHistory.entries).toEqual([]);
  });

  it('refuses a foreign catalog hash, another organisation, an unknown assessment and an unknown label, applying nothing', async () => {
    const { team, file } = await exported();
    const setState = async (path: string, cell: string, value: string) => {
      const copy = join(work, `copy-${++fileCount}.xlsx`);
      writeFileSync(copy, readFileSync(path));
      await editWorkbook(copy, (workbook) => {
        const state = workbook.getWorksheet('iotcheck');
        if (!state) throw new Error('no state sheet');
        state.getCell(cell).value = value;
        rowOfNumber(checksheetSheet(workbook), 5).getCell(6).value = '実施済';
      });
      return copy;
    };
    const before = await audits();

    const foreign = await domainErrorOf(
      importChecksheetWorkbook(deps(), {
        actor: team.owner,
        file: await setState(file, 'B5', 'f'.repeat(64)),
        dryRun: false,
      }),
    );
    expect(foreign.code).toBe('VALIDATION_FAILED');
    expect(foreign.message).toMatch(/another version of the checksheet/);
    expect(foreign.details[0]).toMatchObject({ path: 'iotcheck!B5', field: 'catalogHash' });

    const elsewhere = await seedAssessmentTeam(database(), 'Elsewhere');
    const otherOrg = await domainErrorOf(
      importChecksheetWorkbook(deps(), { actor: elsewhere.owner, file, dryRun: false }),
    );
    expect(otherOrg.message).toBe('This is not a workbook of this organisation; nothing was applied.');
    expect(JSON.stringify(otherOrg)).not.toContain(team.organisationId);

    const unknown = await domainErrorOf(
      importChecksheetWorkbook(deps(), {
        actor: team.owner,
        file: await setState(file, 'B2', '00000000-0000-4000-8000-000000000000'),
        dryRun: false,
      }),
    );
    expect(unknown.message).toMatch(/does not exist in this organisation/);

    await editWorkbook(file, (workbook) => {
      const sheet = checksheetSheet(workbook);
      rowOfNumber(sheet, 7).getCell(6).value = '実施済';
      rowOfNumber(sheet, 8).getCell(6).value = 'たぶん';
    });
    const label = await domainErrorOf(importChecksheetWorkbook(deps(), { actor: team.owner, file, dryRun: false }));
    expect(label.code).toBe('VALIDATION_FAILED');
    expect(label.details).toEqual([
      expect.objectContaining({ path: 'チェックシート!F9', row: 9, column: 6, field: 'result', value: 'たぶん' }),
    ]);
    const oversized = join(work, `oversized-${++fileCount}.xlsx`);
    writeFileSync(oversized, Buffer.alloc(20 * 1024 ** 2 + 1, 0x50));
    const large = await domainErrorOf(
      importChecksheetWorkbook(deps(), { actor: team.owner, file: oversized, dryRun: false }),
    );
    expect(large.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await audits()).toBe(before);
  });

  it('refuses rows moved, deleted or added, naming the row', async () => {
    const { team, file } = await exported();
    const variant = async (edit: (sheet: Worksheet) => void) => {
      const copy = join(work, `rows-${++fileCount}.xlsx`);
      writeFileSync(copy, readFileSync(file));
      await editWorkbook(copy, (workbook) => edit(checksheetSheet(workbook)));
      return domainErrorOf(importChecksheetWorkbook(deps(), { actor: team.owner, file: copy, dryRun: true }));
    };
    const moved = await variant((sheet) => {
      const four = sheet.getRow(5).values;
      sheet.getRow(5).values = sheet.getRow(6).values as ExcelJSValues;
      sheet.getRow(6).values = four as ExcelJSValues;
    });
    expect(moved.code).toBe('VALIDATION_FAILED');
    expect(moved.details[0]).toMatchObject({ path: 'チェックシート!C5', row: 5, field: 'number' });
    expect(moved.details[0]?.reason).toMatch(/No\. 5 where the export had No\. 4: rows were moved/);

    const deleted = await variant((sheet) => sheet.spliceRows(10, 1));
    expect(deleted.details[0]).toMatchObject({ row: 10 });
    expect(deleted.details[0]?.reason).toMatch(/export had No\. 9/);

    const added = await variant((sheet) => sheet.addRow(['', '', 61, '新しい項目', '', '実施済']));
    expect(added.details).toEqual([
      expect.objectContaining({ row: 62, reason: expect.stringMatching(/not in the exported workbook/) }),
    ]);
  });

  it('reports a conflict when iotcheck changed an answer the workbook also changed, and refuses a closed assessment', async () => {
    const { team, assessmentId, file } = await exported();
    await editWorkbook(file, (workbook) => {
      rowOfNumber(checksheetSheet(workbook), 25).getCell(7).value = 'ワークブックでの変更';
      rowOfNumber(checksheetSheet(workbook), 30).getCell(6).value = '未実施';
    });
    await saveAnswer(deps(), {
      actor: team.owner,
      assessmentId,
      itemId: '25',
      update: { version: 1, comment: 'アプリでの変更' },
    });
    const conflict = await domainErrorOf(importChecksheetWorkbook(deps(), { actor: team.owner, file, dryRun: false }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details).toEqual([
      expect.objectContaining({
        path: 'チェックシート!G26',
        field: 'comment',
        reason: expect.stringMatching(/No\. 25/),
      }),
    ]);

    const second = await exported();
    await editWorkbook(second.file, (workbook) => {
      rowOfNumber(checksheetSheet(workbook), 30).getCell(6).value = '未実施';
    });
    let version = 1;
    for (const status of ['in_progress', 'in_review', 'done'] as const)
      version = (
        await changeAssessmentStatus(deps(), {
          actor: second.team.owner,
          assessmentId: second.assessmentId,
          status,
          version,
        })
      ).version;
    const closed = await domainErrorOf(
      importChecksheetWorkbook(deps(), { actor: second.team.owner, file: second.file, dryRun: true }),
    );
    expect(closed.code).toBe('ASSESSMENT_CLOSED');
  });

  // LibreOffice reads the file, not the database: once, on SQLite, is enough (each run of soffice takes ~10 s).
  it.skipIf('reason' in soffice || dialect === 'postgres')(
    `LibreOffice opens the export, and a copy saved by LibreOffice imports (${'reason' in soffice ? soffice.reason : 'on SQLite only: soffice reads files, not the database'})`,
    async () => {
      const { team, assessmentId, file } = await exported();
      const csvDir = mkdtempSync(join(work, 'csv-'));
      const csv = readFileSync(sofficeConvert(file, 'csv', csvDir), 'utf8');
      expect(csv).toContain('一部実施');
      expect(csv).toContain('初期パスワードは一部変更済み');
      expect(csv).toContain('IoT 機器、IoT システムの異常を把握する');
      expect(csv.split('\n').filter((line) => /^"?(ID|PR|DE|RS|RC) /.test(line))).toHaveLength(60);

      await editWorkbook(file, (workbook) => {
        rowOfNumber(checksheetSheet(workbook), 12).getCell(6).value = '対象外';
        rowOfNumber(checksheetSheet(workbook), 12).getCell(7).value = '複数行の\nコメント';
        rowOfNumber(checksheetSheet(workbook), 13).getCell(6).value = '実施済';
      });
      const savedDir = mkdtempSync(join(work, 'saved-'));
      const saved = sofficeConvert(file, 'xlsx', savedDir);
      const refused = await domainErrorOf(
        importChecksheetWorkbook(deps(), { actor: team.owner, file: saved, dryRun: true }),
      );
      // 対象外 needs a justification, which lives in iotcheck: the row is named, nothing applied.
      expect(refused.details).toEqual([
        expect.objectContaining({ path: 'チェックシート!F13', field: 'justification' }),
      ]);
      await saveAnswer(deps(), {
        actor: team.owner,
        assessmentId,
        itemId: '12',
        update: { version: 0, justification: '無線を使っていない' },
      });
      const conflict = await domainErrorOf(
        importChecksheetWorkbook(deps(), { actor: team.owner, file: saved, dryRun: true }),
      );
      expect(conflict.code).toBe('CONFLICT');

      const fresh = await exported();
      await editWorkbook(fresh.file, (workbook) => {
        rowOfNumber(checksheetSheet(workbook), 13).getCell(6).value = '実施済';
        rowOfNumber(checksheetSheet(workbook), 14).getCell(7).value = '一行目\n二行目';
      });
      const freshSaved = sofficeConvert(fresh.file, 'xlsx', mkdtempSync(join(work, 'saved-')));
      const result = await importChecksheetWorkbook(deps(), {
        actor: fresh.team.owner,
        file: freshSaved,
        dryRun: false,
      });
      expect(result.changes).toEqual([
        { itemId: 'jssec-v2:13', number: '13', field: 'result', before: 'unanswered', after: 'implemented' },
        { itemId: 'jssec-v2:14', number: '14', field: 'comment', before: '', after: '一行目\n二行目' },
      ]);
      const again = await importChecksheetWorkbook(deps(), {
        actor: fresh.team.owner,
        file: freshSaved,
        dryRun: false,
      });
      expect(again.changes).toEqual([]);
    },
    300_000,
  );
});

type ExcelJSValues = CellValue[];
