import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { OkSchema } from '../../contracts/auth.schema';
import { PendingInvitationListSchema } from '../../contracts/invitation.schema';
import { listInvitations, revokeInvitation } from '../../services/organisations/pending-invitations';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['organisation'];

/** /api/organisation/invitations — the pending invitations owners and admins can see and withdraw. */
export const invitationsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/organisation/invitations',
    {
      config: { access: 'invitations.manage' },
      schema: {
        tags,
        summary: 'Pending invitations (not accepted, not expired)',
        response: { 200: PendingInvitationListSchema },
      },
    },
    async (request) => ({ invitations: await listInvitations(deps, { actor: request.actor }) }),
  );

  app.delete(
    '/organisation/invitations/:id',
    {
      config: { access: 'invitations.manage' },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation (its link stops working)',
        params: Type.Object({ id: Type.String() }),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await revokeInvitation(deps, {
        actor: request.actor,
        invitationId: request.params.id,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
