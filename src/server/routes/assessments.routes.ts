import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AnswerConflictSchema,
  AnswerHistorySchema,
  AnswerListSchema,
  AnswerSchema,
  AnswerUpdateSchema,
  ApplyOptionsSchema,
  ApplyResultSchema,
  AssessmentDetailSchema,
  AssessmentDocumentSchema,
  AssessmentInputSchema,
  AssessmentListSchema,
  AssessmentSchema,
  AssessmentUpdateSchema,
  BulkAnswerUpdateSchema,
  ComparisonSchema,
  CopyAssessmentSchema,
  DeleteVersionQuerySchema,
  GapListSchema,
  ItemWeightsSchema,
  ReviewActionSchema,
  ScoresSchema,
  SnapshotListSchema,
  StatusChangeSchema,
} from '../../contracts/assessment.schema';
import { OkSchema } from '../../contracts/auth.schema';
import { applyAssessmentDocument } from '../../services/assessments/apply-assessment-document';
import { changeAssessmentStatus } from '../../services/assessments/change-assessment-status';
import { compareAssessments } from '../../services/assessments/compare-assessments';
import { copyAssessment } from '../../services/assessments/copy-assessment';
import { createAssessment } from '../../services/assessments/create-assessment';
import { deleteAssessment } from '../../services/assessments/delete-assessment';
import { exportAssessmentDocument } from '../../services/assessments/export-assessment-document';
import { getAssessment } from '../../services/assessments/get-assessment';
import { getItemWeights } from '../../services/assessments/get-item-weights';
import { getScores } from '../../services/assessments/get-scores';
import { listAnswerHistory } from '../../services/assessments/list-answer-history';
import { listAssessments } from '../../services/assessments/list-assessments';
import { listGaps } from '../../services/assessments/list-gaps';
import { listSnapshots } from '../../services/assessments/list-snapshots';
import { reviewAnswer } from '../../services/assessments/review-answer';
import { saveAnswer } from '../../services/assessments/save-answer';
import { saveAnswersBulk } from '../../services/assessments/save-answers-bulk';
import { setItemWeights } from '../../services/assessments/set-item-weights';
import { updateAssessment } from '../../services/assessments/update-assessment';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['assessments'];
const IdParams = Type.Object({ id: Type.String() });
const ItemParams = Type.Object({ id: Type.String(), itemId: Type.String({ description: 'jssec-v2:25 or 25' }) });

/** /api/assessments — runs of a framework over a system: answers, review, scores, gaps, comparison, documents. */
export const assessmentsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/assessments',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Assessments, newest first, with overall score',
        querystring: Type.Object({ systemId: Type.Optional(Type.String()) }),
        response: { 200: AssessmentListSchema },
      },
    },
    async (request) => ({
      assessments: await listAssessments(deps, {
        actor: request.actor,
        ...(request.query.systemId ? { systemId: request.query.systemId } : {}),
      }),
    }),
  );

  app.post(
    '/assessments',
    {
      config: { access: 'assessments.manage' },
      schema: {
        tags,
        summary: 'Start a planned assessment (jssec-v2 unless named)',
        body: AssessmentInputSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) =>
      createAssessment(deps, { actor: request.actor, fields: request.body, context: contextOf(request) }),
  );

  // The body is validated by the use case, which reports EVERY problem located (answers[3].result);
  // the schema is declared for the API document only.
  app.post(
    '/assessments/apply',
    {
      config: { access: 'assessments.manage' },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Apply a portable assessment document (all or nothing, idempotent)',
        querystring: ApplyOptionsSchema,
        body: AssessmentDocumentSchema,
        response: { 200: ApplyResultSchema },
      },
    },
    async (request) =>
      applyAssessmentDocument(deps, {
        actor: request.actor,
        document: request.body as unknown,
        force: request.query.force === true,
        context: contextOf(request),
      }),
  );

  app.get(
    '/assessments/:id',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'An assessment with its system and an answer for every item',
        params: IdParams,
        response: { 200: AssessmentDetailSchema },
      },
    },
    async (request) => getAssessment(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.patch(
    '/assessments/:id',
    {
      config: { access: 'assessments.manage' },
      schema: {
        tags,
        summary: 'Change title, period or lead (409 with the current assessment when your version is stale)',
        params: IdParams,
        body: AssessmentUpdateSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) =>
      updateAssessment(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        changes: {
          version: request.body.version,
          ...(request.body.title !== undefined ? { title: request.body.title } : {}),
          ...(request.body.periodStart !== undefined ? { periodStart: request.body.periodStart } : {}),
          ...(request.body.periodEnd !== undefined ? { periodEnd: request.body.periodEnd } : {}),
          ...(request.body.leadUserId !== undefined ? { leadUserId: request.body.leadUserId } : {}),
        },
        context: contextOf(request),
      }),
  );

  app.delete(
    '/assessments/:id',
    {
      config: { access: 'assessments.delete' },
      schema: {
        tags,
        summary: 'Delete an assessment with its answers, findings and the evidence only it used',
        params: IdParams,
        querystring: DeleteVersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteAssessment(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/assessments/:id/status',
    {
      config: { access: 'assessments.manage' },
      schema: {
        tags,
        summary: 'Change status (409 with the current assessment when stale or not allowed)',
        params: IdParams,
        body: StatusChangeSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) =>
      changeAssessmentStatus(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        status: request.body.status,
        version: request.body.version,
        context: contextOf(request),
      }),
  );

  app.post(
    '/assessments/:id/copy',
    {
      config: { access: 'assessments.manage' },
      schema: {
        tags,
        summary: "Start next year's run from this one",
        params: IdParams,
        body: CopyAssessmentSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) =>
      copyAssessment(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        ...(request.body.title ? { title: request.body.title } : {}),
        context: contextOf(request),
      }),
  );

  app.get(
    '/assessments/:id/scores',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Scores per category, function and overall',
        params: IdParams,
        response: { 200: ScoresSchema },
      },
    },
    async (request) => getScores(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.get(
    '/assessments/:id/snapshots',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Score snapshots, oldest first',
        params: IdParams,
        response: { 200: SnapshotListSchema },
      },
    },
    async (request) => listSnapshots(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.get(
    '/assessments/:id/gaps',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Gaps ranked by weight × criticality × overdue',
        params: IdParams,
        response: { 200: GapListSchema },
      },
    },
    async (request) => listGaps(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.get(
    '/assessments/:id/compare/:otherId',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Compare: :id is the baseline (before), :otherId the run compared with it (after)',
        params: Type.Object({ id: Type.String(), otherId: Type.String() }),
        response: { 200: ComparisonSchema },
      },
    },
    async (request) =>
      compareAssessments(deps, { actor: request.actor, baseId: request.params.id, otherId: request.params.otherId }),
  );

  app.get(
    '/assessments/:id/document',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Export as a portable assessment document',
        params: IdParams,
        response: { 200: AssessmentDocumentSchema },
      },
    },
    async (request) => exportAssessmentDocument(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.put(
    '/assessments/:id/answers/:itemId',
    {
      config: { access: 'answers.write' },
      schema: {
        tags,
        summary: "Save an item's answer (409 with the current answer when your version is stale)",
        params: ItemParams,
        body: AnswerUpdateSchema,
        response: { 200: AnswerSchema, 409: AnswerConflictSchema },
      },
    },
    async (request) =>
      saveAnswer(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        itemId: request.params.itemId,
        update: request.body,
        context: contextOf(request),
      }),
  );

  app.post(
    '/assessments/:id/answers',
    {
      config: { access: 'answers.write' },
      schema: {
        tags,
        summary: 'Save many answers, all or nothing',
        params: IdParams,
        body: BulkAnswerUpdateSchema,
        response: { 200: AnswerListSchema },
      },
    },
    async (request) => ({
      answers: await saveAnswersBulk(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        answers: request.body.answers,
        context: contextOf(request),
      }),
    }),
  );

  // 'answers.write' lets assessors mark ready and reopen; accept and return also need
  // 'answers.review', which reviewAnswer checks (FORBIDDEN otherwise) for every edge alike.
  app.post(
    '/assessments/:id/answers/:itemId/review',
    {
      config: { access: 'answers.write' },
      schema: {
        tags,
        summary: 'Ready / reopen (assessors), accept / return with a reason (reviewers)',
        params: ItemParams,
        body: ReviewActionSchema,
        response: { 200: AnswerSchema, 409: AnswerConflictSchema },
      },
    },
    async (request) =>
      reviewAnswer(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        itemId: request.params.itemId,
        action: request.body.action,
        ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
        version: request.body.version,
        context: contextOf(request),
      }),
  );

  app.get(
    '/assessments/:id/answers/:itemId/history',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: "An item's answer history, newest first",
        params: ItemParams,
        response: { 200: AnswerHistorySchema },
      },
    },
    async (request) =>
      listAnswerHistory(deps, { actor: request.actor, assessmentId: request.params.id, itemId: request.params.itemId }),
  );

  app.get(
    '/organisation/item-weights',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Item weights for ranking gaps (unlisted items weigh 1)',
        response: { 200: ItemWeightsSchema },
      },
    },
    async (request) => getItemWeights(deps, { actor: request.actor }),
  );

  app.put(
    '/organisation/item-weights',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Replace the item weights',
        body: ItemWeightsSchema,
        response: { 200: ItemWeightsSchema },
      },
    },
    async (request) =>
      setItemWeights(deps, { actor: request.actor, weights: request.body.weights, context: contextOf(request) }),
  );
};
