import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AcceptInvitationSchema,
  CreateInvitationSchema,
  CreateOrganisationSchema,
  InvitationCreatedSchema,
  InvitationViewSchema,
  MemberListSchema,
  OkSchema,
  OrganisationSchema,
  ReviewPolicySchema,
  PeopleListSchema,
  SetRoleSchema,
  TemporaryPasswordSchema,
  UpdateOrganisationSchema,
} from '../../contracts/auth.schema';
import { AuditFiltersSchema, AuditPageSchema, AuditQuerySchema } from '../../contracts/audit.schema';
import { resetPassword } from '../../services/accounts/reset-password';
import { exportAuditCsv } from '../../services/audit/export-audit-csv';
import { listAuditFilters } from '../../services/audit/list-audit-filters';
import { listOrganisationAudit } from '../../services/audit/list-organisation-audit';
import { acceptInvitation, createInvitation, viewInvitation } from '../../services/organisations/manage-invitations';
import { setReviewPolicy } from '../../services/organisations/set-review-policy';
import {
  listOrganisationMembers,
  listOrganisationPeople,
  removeMember,
  setMemberRole,
} from '../../services/organisations/manage-members';
import {
  createOrganisation,
  getCurrentOrganisation,
  updateOrganisation,
} from '../../services/organisations/manage-organisations';
import { requireOrganisation } from '../../services/accounts/require-user';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['organisation'];
const UserParams = Type.Object({ userId: Type.String() });

/** /api/organisations and /api/organisation — tenants, members, invitations and the audit trail. */
export const organisationRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.post(
    '/organisations',
    {
      config: { access: 'organisation.create' },
      schema: {
        tags,
        summary: 'Create an organisation (you become its owner)',
        body: CreateOrganisationSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) =>
      createOrganisation(deps, { actor: request.actor, name: request.body.name, context: contextOf(request) }),
  );

  app.get(
    '/organisation',
    {
      config: { access: 'organisation.read' },
      schema: { tags, summary: 'The current organisation', response: { 200: OrganisationSchema } },
    },
    async (request) => getCurrentOrganisation(deps, { actor: request.actor }),
  );

  app.patch(
    '/organisation',
    {
      config: { access: 'organisation.update' },
      schema: {
        tags,
        summary: 'Rename, or make TOTP mandatory',
        body: UpdateOrganisationSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) =>
      updateOrganisation(deps, {
        actor: request.actor,
        ...(request.body.name !== undefined ? { name: request.body.name } : {}),
        ...(request.body.requireTotp !== undefined ? { requireTotp: request.body.requireTotp } : {}),
        context: contextOf(request),
      }),
  );

  app.put(
    '/organisation/review-policy',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Require answers to be accepted by someone other than who wrote them (four-eyes)',
        body: ReviewPolicySchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) =>
      setReviewPolicy(deps, {
        actor: request.actor,
        requireSeparateReviewer: request.body.requireSeparateReviewer,
        context: contextOf(request),
      }),
  );

  app.get(
    '/organisation/members',
    {
      config: { access: 'members.read' },
      schema: { tags, summary: 'Members and their roles', response: { 200: MemberListSchema } },
    },
    async (request) => ({
      members: await listOrganisationMembers(deps, { actor: request.actor }),
    }),
  );

  app.get(
    '/organisation/people',
    {
      config: { access: 'assessments.read' },
      schema: { tags, summary: 'Names of the members, for assigning work', response: { 200: PeopleListSchema } },
    },
    async (request) => ({
      people: await listOrganisationPeople(deps, { actor: request.actor }),
    }),
  );

  app.put(
    '/organisation/members/:userId',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: "Change a member's role",
        params: UserParams,
        body: SetRoleSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await setMemberRole(deps, {
        actor: request.actor,
        userId: request.params.userId,
        role: request.body.role,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/organisation/members/:userId',
    {
      config: { access: 'members.manage' },
      schema: { tags, summary: 'Remove a member', params: UserParams, response: { 200: OkSchema } },
    },
    async (request) => {
      await removeMember(deps, { actor: request.actor, userId: request.params.userId, context: contextOf(request) });
      return { ok: true as const };
    },
  );

  app.post(
    '/organisation/members/:userId/reset-password',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: "Reset a member's password (temporary, must be changed)",
        params: UserParams,
        response: { 200: TemporaryPasswordSchema },
      },
    },
    async (request) =>
      resetPassword(deps, { actor: request.actor, userId: request.params.userId, context: contextOf(request) }),
  );

  app.post(
    '/organisation/invitations',
    {
      config: { access: 'invitations.manage' },
      schema: {
        tags,
        summary: 'Invite an e-mail address (link shown once)',
        body: CreateInvitationSchema,
        response: { 200: InvitationCreatedSchema },
      },
    },
    async (request) => {
      const invitation = await createInvitation(deps, {
        actor: request.actor,
        email: request.body.email,
        role: request.body.role,
        expiresInDays: request.body.expiresInDays ?? 7,
        context: contextOf(request),
      });
      return { ...invitation, url: new URL(`/invitations/${invitation.token}`, deps.config.publicUrl).href };
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation offers',
        params: Type.Object({ token: Type.String() }),
        response: { 200: InvitationViewSchema },
      },
    },
    async (request) => viewInvitation(deps, { token: request.params.token }),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Accept an invitation (new accounts set their password here)',
        params: Type.Object({ token: Type.String() }),
        body: AcceptInvitationSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await acceptInvitation(deps, {
        actor: request.actor,
        token: request.params.token,
        ...(request.body.password === undefined ? {} : { password: request.body.password }),
        ...(request.body.displayName === undefined ? {} : { displayName: request.body.displayName }),
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/organisation/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit trail of this organisation (keyset pages), actors and targets named',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      const query = request.query;
      return listOrganisationAudit(deps, {
        actor: request.actor,
        ...(query.user !== undefined ? { user: query.user } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
        ...(query.order !== undefined ? { order: query.order } : {}),
        ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
        ...(query.beforeSeq !== undefined ? { beforeSeq: query.beforeSeq } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      });
    },
  );

  app.get(
    '/organisation/audit/filters',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Who acted and which actions occur in the audit trail (choices for the filters)',
        response: { 200: AuditFiltersSchema },
      },
    },
    async (request) => listAuditFilters(deps, { actor: request.actor }),
  );

  app.get(
    '/organisation/audit/export',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: 'Audit trail as CSV', querystring: AuditQuerySchema, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const { organisationId } = requireOrganisation(request.actor);
      const { user, action, from, to } = request.query;
      const file = await exportAuditCsv(deps, {
        organisationId,
        ...(user ? { userId: user } : {}),
        ...(action ? { action } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      return reply
        .type(`${file.mediaType}; charset=utf-8`)
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(file.content);
    },
  );
};
