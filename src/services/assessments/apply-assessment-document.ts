import { assessmentClosed } from '../../core/assessment/assessment-closed';
import type { Transaction } from 'kysely';
import { Value } from 'typebox/value';
import {
  answerContentProblems,
  applyEdit,
  canonicalChecks,
  EMPTY_ANSWER,
  type AnswerContent,
  type AnswerState,
  type CheckState,
} from '../../core/assessment/answer-rules';
import { listFrameworkItems, resolveItemReference, type FrameworkItem } from '../../core/assessment/framework-items';
import { RESULTS, type AnswerResult } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { AssessmentDocumentSchema, type ApplyResult } from '../../contracts/assessment.schema';
import { listAnswers, type StoredAnswer } from '../../db/answer.repository';
import { findAssessment, type StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { findSystem } from '../../db/system.repository';
import { pointerToPath } from '../../integrations/catalog/load-catalog';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { createAssessmentInTransaction } from './create-assessment';
import { inList, normaliseCheckKeys } from './edit-answer';
import { isEditable } from './require-assessment';
import { takeDailySnapshotIfDue } from './take-score-snapshot';
import { writeAnswer } from './write-answer';
import { ownValue } from '../../core/own-value';

/** One entry of `answers`, as far as it could be read (bad values are left out and reported by shape). */
interface ReadableEntry {
  readonly index: number;
  readonly item: string;
  readonly result: AnswerResult | undefined;
  readonly justification: string | undefined;
  readonly comment: string | undefined;
  readonly checks: Readonly<Record<string, boolean>>;
  /** The answer's version when the document was exported; undefined in older or hand-written documents. */
  readonly version: number | undefined;
}

/** The header fields the plan needs, when they are readable at all. */
interface ReadableHeader {
  readonly id: string | undefined;
  readonly systemId: string;
  readonly title: string;
  readonly frameworkId: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A problem located by its path in the document (`answers[3].result`), with the field it names. */
function at(path: string, reason: string): ProblemDetail {
  return {
    path,
    field:
      path
        .split(/[.[\]]/)
        .filter(Boolean)
        .pop() ?? path,
    reason,
  };
}

/** Shape problems (types, enums, lengths), at most one per path; unions report one per branch. */
function shapeProblems(document: unknown): ProblemDetail[] {
  const seen = new Set<string>();
  const problems: ProblemDetail[] = [];
  for (const error of Value.Errors(AssessmentDocumentSchema, document)) {
    const path = pointerToPath(error.instancePath) || '(document)';
    if (seen.has(path)) continue;
    seen.add(path);
    const unknownField = error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties');
    problems.push(at(path, unknownField ? 'is not a field of the document' : error.message));
  }
  return problems;
}

/**
 * Reads what can be read of a document that may be partly invalid, so that the catalog and
 * database checks still run and report their problems alongside the shape problems.
 */
function readDocument(document: unknown): { header: ReadableHeader; entries: ReadableEntry[] } | undefined {
  if (!isRecord(document) || !isRecord(document['assessment']) || !Array.isArray(document['answers'])) return undefined;
  const header = document['assessment'];
  const { systemId, frameworkId, title, id } = header;
  if (typeof systemId !== 'string' || typeof frameworkId !== 'string') return undefined;
  const entries = document['answers'].flatMap((entry: unknown, index): ReadableEntry[] => {
    if (!isRecord(entry) || typeof entry['item'] !== 'string') return [];
    const result = (RESULTS as readonly unknown[]).includes(entry['result'])
      ? (entry['result'] as AnswerResult)
      : undefined;
    const checks = isRecord(entry['checks'])
      ? Object.fromEntries(
          Object.entries(entry['checks']).filter((check): check is [string, boolean] => typeof check[1] === 'boolean'),
        )
      : {};
    return [
      {
        index,
        item: entry['item'],
        result,
        justification: optionalText(entry['justification']),
        comment: optionalText(entry['comment']),
        checks,
        version: Number.isSafeInteger(entry['version']) ? (entry['version'] as number) : undefined,
      },
    ];
  });
  return {
    header: { id: optionalText(id), systemId, frameworkId, title: typeof title === 'string' ? title : '' },
    entries,
  };
}

/** YAML reads `item: 25` as a number; an item number means the same as the text "25". */
function withItemNumbersAsText(document: unknown): unknown {
  if (!isRecord(document) || !Array.isArray(document['answers'])) return document;
  const answers = document['answers'].map((entry: unknown) =>
    isRecord(entry) && typeof entry['item'] === 'number' ? { ...entry, item: String(entry['item']) } : entry,
  );
  return { ...document, answers };
}

/** The content a document entry asks for: given fields replace, left-out ones stay; checks set only `done`. */
function contentFromDocument(
  frameworkId: string,
  item: FrameworkItem,
  before: AnswerState,
  entry: ReadableEntry & { result: AnswerResult },
): AnswerContent {
  // Built from entries, so a document's `__proto__` check stays an own key (and is refused as no
  // check of the item) instead of being assigned as the object's prototype and silently dropped.
  const given = Object.entries(normaliseCheckKeys(frameworkId, item, entry.checks));
  const checks: Record<string, CheckState> = Object.fromEntries([
    ...Object.entries(before.checks),
    ...given.map(([checkId, done]) => [checkId, { done, note: ownValue(before.checks, checkId)?.note ?? '' }]),
  ]);
  return {
    assigneeUserId: before.assigneeUserId,
    dueDate: before.dueDate,
    result: entry.result,
    justification: entry.justification ?? before.justification,
    comment: entry.comment ?? before.comment,
    checks: canonicalChecks(checks),
  };
}

interface PlannedEntry {
  readonly index: number;
  readonly item: FrameworkItem;
  readonly before: StoredAnswer | undefined;
  readonly after: AnswerState;
  readonly exportedVersion: number | undefined;
}

interface Plan {
  readonly existing: StoredAssessment | undefined;
  readonly entries: readonly PlannedEntry[];
}

/**
 * Changes that would overwrite an answer saved after the document was exported: the stored version
 * differs from the entry's. An entry without a version (documents from before versions were
 * exported, or written by hand) may only fill in an item that has never been saved.
 */
function staleChanges(changes: readonly PlannedEntry[]): ProblemDetail[] {
  return changes.flatMap(({ index, item, before, exportedVersion }) => {
    const stored = before?.version ?? 0;
    if (exportedVersion === stored || (exportedVersion === undefined && stored === 0)) return [];
    const reason =
      exportedVersion === undefined
        ? `${item.itemId} has a saved answer (version ${stored}) and this entry names no version`
        : `${item.itemId} changed since the export: version ${stored} is stored, the document has ${exportedVersion}`;
    return [at(`answers[${index}].version`, reason)];
  });
}

/** Checks everything the document says against the catalog and the database, writing nothing. */
async function plan(
  transaction: Transaction<DatabaseSchema>,
  deps: AssessmentDeps,
  organisationId: string,
  readable: { header: ReadableHeader; entries: readonly ReadableEntry[] },
  problems: ProblemDetail[],
): Promise<Plan> {
  const { header } = readable;
  if (!deps.catalog.frameworks.has(header.frameworkId)) {
    problems.push(
      at('assessment.frameworkId', `unknown framework; known: ${[...deps.catalog.frameworks.keys()].join(', ')}`),
    );
    return { existing: undefined, entries: [] };
  }
  const existing = header.id === undefined ? undefined : await findAssessment(transaction, organisationId, header.id);
  if (header.id !== undefined && !existing)
    problems.push(at('assessment.id', 'no such assessment in this organisation'));
  if (existing && existing.frameworkId !== header.frameworkId)
    problems.push(at('assessment.frameworkId', `the assessment uses ${existing.frameworkId}`));
  if (existing && existing.systemId !== header.systemId)
    problems.push(at('assessment.systemId', `the assessment is of system ${existing.systemId}`));
  if (!existing && !(await findSystem(transaction, organisationId, header.systemId)))
    problems.push(at('assessment.systemId', 'no such system in this organisation'));

  const items = listFrameworkItems(deps.catalog, header.frameworkId);
  const stored = existing
    ? await listAnswers(transaction, organisationId, existing.id)
    : new Map<string, StoredAnswer>();
  const seen = new Map<string, number>();
  const entries: PlannedEntry[] = [];
  for (const entry of readable.entries) {
    const item = resolveItemReference(items, header.frameworkId, entry.item);
    if (!item) {
      problems.push(at(`answers[${entry.index}].item`, `${entry.item} is not an item of ${header.frameworkId}`));
      continue;
    }
    const first = seen.get(item.itemId);
    if (first !== undefined) {
      problems.push(at(`answers[${entry.index}].item`, `${item.itemId} is already answered at answers[${first}]`));
      continue;
    }
    seen.set(item.itemId, entry.index);
    const before = stored.get(item.itemId);
    // With an unreadable result there is no content to check, only the checks' names.
    const content = contentFromDocument(header.frameworkId, item, before ?? EMPTY_ANSWER, {
      ...entry,
      result: entry.result ?? 'unanswered',
    });
    problems.push(...answerContentProblems(item, content, inList('answers', entry.index)));
    if (entry.result !== undefined)
      entries.push({
        index: entry.index,
        item,
        before,
        after: applyEdit(before ?? EMPTY_ANSWER, content),
        exportedVersion: entry.version,
      });
  }
  return { existing, entries };
}

/**
 * Applies a portable assessment document (JSON or YAML, as exported). Validates EVERYTHING first —
 * shape, result values, unknown items and checks, not_applicable without a justification, the
 * assessment and system — and reports every problem at once, located (`answers[3].result`); if there
 * is any, nothing is written (VALIDATION_FAILED). Then, in one transaction: without `assessment.id`
 * a new planned assessment is created; with one, only answers that differ are written (history,
 * audit and review rules as for a save). Idempotent: applying the same document again changes 0.
 * Items are named `jssec-v2:25` or `25`. The title of an existing assessment is not changed, and
 * a catalogHash that differs from today's catalog is accepted: items are checked against the
 * catalog as it is now.
 *
 * An old document must not silently undo a colleague's later save: when an entry would change an
 * answer whose stored version differs from the entry's `version` (see staleChanges), nothing is
 * written and every such entry is reported (CONFLICT, located `answers[3].version`), unless `force`.
 */
export async function applyAssessmentDocument(
  deps: AssessmentDeps,
  input: { actor: Actor; document: unknown; force?: boolean; context?: RequestContext },
): Promise<ApplyResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const invalid = (problems: ProblemDetail[]) =>
    new DomainError(
      'VALIDATION_FAILED',
      `The assessment document has ${problems.length} problem(s); nothing was applied.`,
      problems,
    );
  const document = withItemNumbersAsText(input.document);
  const shape = shapeProblems(document);
  const readable = readDocument(document);
  if (!readable) throw invalid(shape);
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const problems: ProblemDetail[] = [...shape];
    const planned = await plan(transaction, deps, organisationId, readable, problems);
    // Shape problems first, then the rest in document order.
    if (problems.length > 0) throw invalid(problems);
    const changes = planned.entries.filter(({ before, after }) => after !== (before ?? EMPTY_ANSWER));
    const stale = planned.existing && input.force !== true ? staleChanges(changes) : [];
    if (stale.length > 0)
      throw new DomainError(
        'CONFLICT',
        `${stale.length} answer(s) changed since the document was exported; nothing was applied. Export again, or force.`,
        stale,
      );
    if (planned.existing && changes.length > 0 && !isEditable(planned.existing)) {
      throw assessmentClosed(planned.existing.status, 'change answers', 'assessment.id');
    }
    const assessment =
      planned.existing ??
      (await createAssessmentInTransaction(transaction, deps.catalog, {
        actor,
        organisationId,
        now,
        context: input.context,
        fields: {
          systemId: readable.header.systemId,
          title: readable.header.title,
          frameworkId: readable.header.frameworkId,
        },
      }));
    for (const { item, before, after } of changes) {
      await writeAnswer(transaction, {
        actor,
        context: input.context,
        now,
        organisationId,
        assessmentId: assessment.id,
        itemId: item.itemId,
        before,
        after,
        action: 'answer.apply',
      });
    }
    if (changes.length > 0) await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, now);
    return {
      assessmentId: assessment.id,
      created: planned.existing === undefined,
      changed: changes.length,
      unchanged: planned.entries.length - changes.length,
    };
  });
}
