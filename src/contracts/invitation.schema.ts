import Type from 'typebox';

export const PendingInvitationListSchema = Type.Object({
  invitations: Type.Array(
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      role: Type.String(),
      createdAt: Type.String(),
      expiresAt: Type.String(),
      createdByName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export type PendingInvitationList = Type.Static<typeof PendingInvitationListSchema>;
