import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../../contracts/problem.schema';
import {
  OpenQuestionnaireResponseSchema,
  QuestionnaireFormSchema,
  SaveQuestionnaireResponseSchema,
} from '../../../contracts/questionnaire.schema';
import { openQuestionnaireResponse } from '../../../services/questionnaires/open-questionnaire-response';
import type { QuestionnaireDeps } from '../../../services/questionnaires/questionnaire-deps';
import { saveQuestionnaireResponse } from '../../../services/questionnaires/save-questionnaire-response';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['questionnaires'];
// Tokens are guessed nowhere near this rate (256 bits), but a provider account should not be able to try.
const config = { access: 'questionnaires.respond' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };

/**
 * The provider's side: open, save and submit one questionnaire by its link token. The token is in
 * the body (never the path or query, which access logs keep), compared by its sha256.
 */
export const questionnaireResponsesRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const questionnaireDeps: QuestionnaireDeps = deps;
  const response = { 200: QuestionnaireFormSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

  app.post(
    '/questionnaire-responses/open',
    {
      config,
      schema: {
        tags,
        summary: 'Open the questionnaire a link names (provider role only); expired or revoked says so',
        body: OpenQuestionnaireResponseSchema,
        response,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return openQuestionnaireResponse(questionnaireDeps, { actor: request.actor, token: request.body.token });
    },
  );

  for (const [path, submit] of [
    ['/questionnaire-responses/save', false],
    ['/questionnaire-responses/submit', true],
  ] as const)
    app.post(
      path,
      {
        config,
        schema: {
          tags,
          summary: submit
            ? 'Submit the answers: every question answered; each becomes evidence; read-only afterwards'
            : 'Save the answers as a draft',
          body: SaveQuestionnaireResponseSchema,
          response,
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return saveQuestionnaireResponse(questionnaireDeps, {
          actor: request.actor,
          token: request.body.token,
          answers: request.body.answers.map((answer) => ({
            itemId: answer.itemId,
            answer: answer.answer,
            freeText: answer.freeText,
          })),
          submit,
          context: contextOf(request),
        });
      },
    );
};
