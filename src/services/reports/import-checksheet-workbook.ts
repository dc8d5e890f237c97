import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { applyEdit, EMPTY_ANSWER, type AnswerContent } from '../../core/assessment/answer-rules';
import { assessmentClosed } from '../../core/assessment/assessment-closed';
import { RESULTS, type AnswerResult } from '../../core/assessment/assessment.types';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail, type ReasonCode } from '../../core/domain-error';
import { compareWorkbookRows, parseResultLabel } from '../../core/reports/workbook-rows';
import { listAnswers } from '../../db/answer.repository';
import { findAssessment } from '../../db/assessment.repository';
import { CHECKSHEET_WORKBOOK_LABELS, STATE_SHEET } from '../../integrations/exports/xlsx/checksheet-workbook-labels';
import { commentHash, normaliseComment } from '../../integrations/exports/xlsx/checksheet-workbook-state';
import { CHECKSHEET_WORKBOOK_FORMAT } from '../../integrations/exports/xlsx/checksheet-workbook.types';
import {
  atCell,
  readChecksheetWorkbook,
  WORKBOOK_MAX_BYTES,
  type ReadChecksheetWorkbook,
} from '../../integrations/exports/xlsx/read-checksheet-workbook';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { editProblems } from '../assessments/edit-answer';
import { isEditable } from '../assessments/require-assessment';
import { takeDailySnapshotIfDue } from '../assessments/take-score-snapshot';
import { writeAnswer } from '../assessments/write-answer';

/** One field a workbook import changes (results as codes). */
export interface WorkbookChange {
  readonly itemId: string;
  readonly number: string;
  readonly field: 'result' | 'comment';
  readonly before: string;
  readonly after: string;
}

/** What an import changed (or, on a dry run, would change). */
export interface WorkbookImportResult {
  readonly assessmentId: string;
  readonly changes: readonly WorkbookChange[];
  readonly applied: boolean;
}

/** One row the workbook edited: the answer cell's reading and the comment, with where they are. */
interface EditedRow {
  readonly itemId: string;
  readonly number: string;
  readonly row: number;
  readonly exportedVersion: number;
  /** Set when the workbook changed the answer since the export. */
  readonly result: AnswerResult | undefined;
  /** Set when the workbook changed the comment since the export. */
  readonly comment: string | undefined;
}

const LABEL_SETS = Object.values(CHECKSHEET_WORKBOOK_LABELS).map((labels) => labels.results);

const refuse = (message: string, details: readonly ProblemDetail[]) =>
  new DomainError('VALIDATION_FAILED', message, details);

/** The hidden sheet's line for `key`, as a located problem. */
function atMeta(
  read: ReadChecksheetWorkbook,
  key: keyof ReadChecksheetWorkbook['meta'],
  reason: string,
  code: ReasonCode,
): ProblemDetail {
  const row = read.metaRows[key];
  return row === undefined
    ? { path: STATE_SHEET, field: key, reason, code }
    : atCell({ sheet: STATE_SHEET, row, column: 2 }, key, reason, { code });
}

/**
 * Compares the visible rows with the hidden sheet and reads what the workbook changed since the
 * export: an answer whose label differs from the exported result, a comment whose hash differs.
 * Problems (rows moved, deleted or added; unknown labels; a damaged hidden sheet) are collected.
 */
function readEdits(read: ReadChecksheetWorkbook, itemIds: readonly string[], problems: ProblemDetail[]): EditedRow[] {
  const damaged =
    read.state.length !== itemIds.length || read.state.some((line, index) => line.itemId !== itemIds[index]);
  if (damaged) {
    problems.push({
      path: STATE_SHEET,
      field: 'itemId',
      reason: 'the hidden sheet does not list the items of this checksheet',
      code: 'workbook_damaged',
    });
    return [];
  }
  const rowProblems = compareWorkbookRows(read.state, read.lines).map((mismatch) => {
    const reason =
      mismatch.kind === 'deleted' && mismatch.found === undefined
        ? `item No. ${mismatch.expected} is missing: rows were deleted`
        : mismatch.kind === 'added' && mismatch.expected === undefined
          ? `a row that was not in the exported workbook (No. ${mismatch.found || 'empty'}): rows were added`
          : `No. ${mismatch.found || '(empty)'} where the export had No. ${mismatch.expected}: rows were ${mismatch.kind}`;
    return atCell({ sheet: read.sheet, row: mismatch.row, column: read.columns.number }, 'number', reason, {
      ...(mismatch.found !== undefined && { value: mismatch.found }),
      code: `workbook_row_${mismatch.kind}`,
      params: { expected: mismatch.expected ?? '', found: mismatch.found ?? '' },
    });
  });
  if (rowProblems.length > 0) {
    problems.push(...rowProblems.slice(0, 20));
    return [];
  }
  const edits: EditedRow[] = [];
  read.state.forEach((line, index) => {
    const visible = read.lines[index];
    const version = Number(line.version);
    const exportedResult = RESULTS.find((result) => result === line.result);
    if (!visible || !Number.isSafeInteger(version) || version < 0 || !exportedResult) {
      problems.push({
        path: `${STATE_SHEET}!A${line.row}`,
        row: line.row,
        field: 'version',
        reason: 'the hidden sheet is damaged',
        code: 'workbook_damaged',
      });
      return;
    }
    const place = { sheet: read.sheet, row: visible.row, column: read.columns.result };
    const result = parseResultLabel(visible.result, LABEL_SETS);
    if (result === undefined) {
      const language = read.meta.language === 'en' ? 'en' : 'ja';
      const choices = Object.values(CHECKSHEET_WORKBOOK_LABELS[language].results).join(', ');
      problems.push(
        atCell(place, 'result', `not an answer; choose one of: ${choices}`, {
          value: visible.result,
          code: 'workbook_answer_label',
          params: { choices },
        }),
      );
      return;
    }
    const comment = normaliseComment(visible.comment);
    const commentChanged = commentHash(comment) !== line.commentHash;
    if (result === exportedResult && !commentChanged) return;
    edits.push({
      itemId: line.itemId,
      number: line.number,
      row: visible.row,
      exportedVersion: version,
      result: result === exportedResult ? undefined : result,
      comment: commentChanged ? comment : undefined,
    });
  });
  return edits;
}

/** Refuses a workbook that is not this organisation's, or not of this assessment as it is now. */
function checkHeader(
  read: ReadChecksheetWorkbook,
  organisationId: string,
  expectedAssessmentId: string | undefined,
): string {
  const { meta } = read;
  if (meta.format !== CHECKSHEET_WORKBOOK_FORMAT)
    throw refuse('This is not a checksheet workbook iotcheck can read back; nothing was applied.', [
      atMeta(read, 'format', `expected ${CHECKSHEET_WORKBOOK_FORMAT}`, 'workbook_format'),
    ]);
  if (meta.organisationId !== organisationId)
    throw refuse('This is not a workbook of this organisation; nothing was applied.', [
      atMeta(
        read,
        'organisationId',
        'the workbook was not exported from this organisation',
        'workbook_other_organisation',
      ),
    ]);
  const assessmentId = meta.assessmentId ?? '';
  if (expectedAssessmentId !== undefined && assessmentId !== expectedAssessmentId)
    throw refuse('This workbook belongs to another assessment; nothing was applied.', [
      atMeta(
        read,
        'assessmentId',
        `the workbook is of assessment ${assessmentId}, not ${expectedAssessmentId}`,
        'workbook_other_assessment',
      ),
    ]);
  return assessmentId;
}

/**
 * Imports a checksheet workbook exported by generateChecksheetWorkbook and edited in Excel or
 * LibreOffice. The hidden sheet names the assessment; only answers and comments the workbook
 * changed since the export, and that differ from what is stored, are written — in one transaction,
 * through writeAnswer (versions, history, audit `answer.apply`, review reopening).
 *
 * Refused with nothing applied (VALIDATION_FAILED, located by sheet, cell, row, column and field):
 * a file too large or a ZIP that unpacks beyond the limits; a workbook of another organisation
 * (without saying whether that organisation exists), of an unknown assessment, of another
 * assessment than `expectedAssessmentId`, of another catalog version; rows moved, deleted or added;
 * an answer that is no label. CONFLICT when an answer the workbook changed was saved in iotcheck
 * after the export; ASSESSMENT_CLOSED for a done or archived assessment. `dryRun` checks all of
 * that and reports the changes without writing.
 */
export async function importChecksheetWorkbook(
  deps: AssessmentDeps,
  input: {
    actor: Actor;
    file: string;
    dryRun: boolean;
    /** The name to report (an upload's own name); the path's last part by default. */
    fileName?: string;
    expectedAssessmentId?: string;
    context?: RequestContext;
  },
): Promise<WorkbookImportResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const fileName = input.fileName ?? basename(input.file);
  const { size } = await stat(input.file);
  if (size > WORKBOOK_MAX_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `${fileName}: larger than ${WORKBOOK_MAX_BYTES} bytes; nothing was applied.`,
      [
        {
          file: fileName,
          reason: `larger than ${WORKBOOK_MAX_BYTES} bytes`,
          code: 'file_too_large',
          params: { limit: WORKBOOK_MAX_BYTES },
        },
      ],
    );
  const read = await readChecksheetWorkbook(await readFile(input.file), fileName);
  const assessmentId = checkHeader(read, organisationId, input.expectedAssessmentId);
  const now = deps.clock();

  return deps.database.db.transaction().execute(async (transaction) => {
    const assessment = await findAssessment(transaction, organisationId, assessmentId);
    if (!assessment)
      throw refuse('The workbook names an assessment that does not exist in this organisation; nothing was applied.', [
        atMeta(read, 'assessmentId', 'no such assessment in this organisation', 'workbook_unknown_assessment'),
      ]);
    if (read.meta.frameworkId !== assessment.frameworkId)
      throw refuse('The workbook is of another checksheet than the assessment; nothing was applied.', [
        atMeta(read, 'frameworkId', `the assessment uses ${assessment.frameworkId}`, 'workbook_catalog'),
      ]);
    if (read.meta.catalogHash !== assessment.catalogHash)
      throw refuse(
        'The workbook was made from another version of the checksheet than this assessment uses; nothing was applied. Export the workbook again.',
        [atMeta(read, 'catalogHash', `the assessment's catalog hash is ${assessment.catalogHash}`, 'workbook_catalog')],
      );
    const items = listFrameworkItems(deps.catalog, assessment.frameworkId);
    const problems: ProblemDetail[] = [];
    const edits = readEdits(
      read,
      items.map((item) => item.itemId),
      problems,
    );
    if (problems.length > 0)
      throw refuse(`The workbook has ${problems.length} problem(s); nothing was applied.`, problems);

    const stored = await listAnswers(transaction, organisationId, assessment.id);
    const itemById = new Map(items.map((item) => [item.itemId, item]));
    const conflicts: ProblemDetail[] = [];
    const planned: { edit: EditedRow; content: AnswerContent }[] = [];
    const changes: WorkbookChange[] = [];
    for (const edit of edits) {
      const before = stored.get(edit.itemId) ?? EMPTY_ANSWER;
      const result = edit.result ?? before.result;
      const comment = edit.comment ?? before.comment;
      if (result === before.result && comment === before.comment) continue;
      const storedVersion = stored.get(edit.itemId)?.version ?? 0;
      if (storedVersion !== edit.exportedVersion) {
        const column = edit.result !== undefined ? read.columns.result : read.columns.comment;
        conflicts.push(
          atCell(
            { sheet: read.sheet, row: edit.row, column },
            edit.result !== undefined ? 'result' : 'comment',
            `No. ${edit.number} was changed in iotcheck after the export (version ${storedVersion} is stored, the workbook has ${edit.exportedVersion})`,
            { code: 'workbook_conflict', params: { number: edit.number } },
          ),
        );
        continue;
      }
      const item = itemById.get(edit.itemId);
      if (!item) continue; // readEdits only returns items of this framework
      const content: AnswerContent = { ...before, result, comment };
      const place = { sheet: read.sheet, row: edit.row, column: read.columns.result };
      for (const problem of await editProblems(transaction, organisationId, item, content, (field) => ({ field })))
        problems.push(
          atCell(
            place,
            problem.field ?? 'result',
            problem.field === 'justification'
              ? `No. ${edit.number}: not applicable needs a justification; write it in iotcheck first`
              : problem.reason,
            problem.field === 'justification'
              ? { code: 'workbook_justification', params: { number: edit.number } }
              : {},
          ),
        );
      planned.push({ edit, content });
      if (result !== before.result)
        changes.push({
          itemId: edit.itemId,
          number: edit.number,
          field: 'result',
          before: before.result,
          after: result,
        });
      if (comment !== before.comment)
        changes.push({
          itemId: edit.itemId,
          number: edit.number,
          field: 'comment',
          before: before.comment,
          after: comment,
        });
    }
    if (conflicts.length > 0)
      throw new DomainError(
        'CONFLICT',
        `${conflicts.length} answer(s) the workbook changes were also changed in iotcheck after the export; nothing was applied. Export the workbook again and redo those rows.`,
        conflicts,
      );
    if (problems.length > 0)
      throw refuse(`The workbook has ${problems.length} problem(s); nothing was applied.`, problems);
    if (planned.length > 0 && !isEditable(assessment)) throw assessmentClosed(assessment.status, 'change answers');
    if (input.dryRun || planned.length === 0) return { assessmentId: assessment.id, changes, applied: !input.dryRun };

    for (const { edit, content } of planned) {
      const before = stored.get(edit.itemId);
      await writeAnswer(transaction, {
        actor,
        context: input.context,
        now,
        organisationId,
        assessmentId: assessment.id,
        itemId: edit.itemId,
        before,
        after: applyEdit(before ?? EMPTY_ANSWER, content),
        action: 'answer.apply',
      });
    }
    await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, now);
    return { assessmentId: assessment.id, changes, applied: true };
  });
}
