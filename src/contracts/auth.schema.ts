import Type from 'typebox';

// Request and response shapes of /api/auth, /api/account and /api/organisation.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
export const RoleSchema = Type.Enum(['owner', 'admin', 'assessor', 'viewer', 'provider']);
const Email = Type.String({ minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const OkSchema = Type.Object({ ok: Type.Literal(true) });

export const SetupStatusSchema = Type.Object({ needed: Type.Boolean() });
export const SetupRequestSchema = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    organisationName: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LoginRequestSchema = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const LoginResponseSchema = Type.Object({ status: Type.Enum(['signed_in', 'second_factor_required']) });
export const TotpCodeSchema = Type.Object(
  {
    code: Type.String({ minLength: 6, maxLength: 24, description: 'the 6-digit code, or at sign-in a recovery code' }),
  },
  { additionalProperties: false },
);

const OrganisationSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  requireTotp: Type.Boolean(),
  requireSeparateReviewer: Type.Boolean({ description: 'answers are accepted only by someone who did not write them' }),
  createdAt: Type.String(),
});
const MyOrganisationSchema = Type.Object({ ...OrganisationSchema.properties, role: RoleSchema });
export { OrganisationSchema };

export const MeSchema = Type.Object({
  authenticated: Type.Boolean(),
  user: Type.Optional(
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      displayName: Type.String(),
      totpEnabled: Type.Boolean(),
      mustChangePassword: Type.Boolean(),
    }),
  ),
  organisationId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  role: Type.Optional(Type.Union([RoleSchema, Type.Null()])),
  organisations: Type.Optional(List(MyOrganisationSchema)),
  totpEnrolmentRequired: Type.Optional(Type.Boolean()),
  permissions: Type.Optional(
    List(Type.String({ description: 'a policy action (e.g. audit.read) allowed in the current organisation' })),
  ),
  csrfToken: Type.Optional(Type.String({ description: 'send as x-csrf-token on every state change' })),
});

export const PasswordConfirmationSchema = Type.Object({ password: Password }, { additionalProperties: false });
export const ChangePasswordSchema = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export const RecoveryCodesSchema = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'shown once; each signs in once instead of a code' }),
});
export const SecondFactorStatusSchema = Type.Object({ enabled: Type.Boolean(), recoveryCodesLeft: Type.Integer() });
export const TotpEnrolmentSchema = Type.Object({ secret: Type.String(), uri: Type.String(), qrDataUrl: Type.String() });

export const CreateTokenSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    roleCeiling: RoleSchema,
    expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }),
  },
  { additionalProperties: false },
);
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  roleCeiling: RoleSchema,
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export const TokenListSchema = Type.Object({ tokens: List(TokenSchema) });
export const CreatedTokenSchema = Type.Object({
  token: Type.String({ description: 'shown once' }),
  record: TokenSchema,
});

export const SwitchOrganisationSchema = Type.Object({ organisationId: Type.String() }, { additionalProperties: false });
export const CreateOrganisationSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const UpdateOrganisationSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    requireTotp: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** PUT /api/organisation/review-policy (owners and admins). */
export const ReviewPolicySchema = Type.Object(
  { requireSeparateReviewer: Type.Boolean() },
  { additionalProperties: false },
);

export const MemberListSchema = Type.Object({
  members: List(
    Type.Object({
      userId: Type.String(),
      email: Type.String(),
      displayName: Type.String(),
      role: RoleSchema,
      totpEnabled: Type.Boolean(),
      joinedAt: Type.String(),
    }),
  ),
});
export const SetRoleSchema = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const PeopleListSchema = Type.Object({
  people: List(Type.Object({ userId: Type.String(), displayName: Type.String() })),
});
export const TemporaryPasswordSchema = Type.Object({
  temporaryPassword: Type.String({ description: 'shown once; must be changed at next sign-in' }),
});

export const CreateInvitationSchema = Type.Object(
  {
    email: Email,
    role: RoleSchema,
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  { additionalProperties: false },
);
export const InvitationCreatedSchema = Type.Object({
  token: Type.String(),
  url: Type.String(),
  expiresAt: Type.String(),
});
export const InvitationViewSchema = Type.Object({
  email: Type.String(),
  role: RoleSchema,
  organisationName: Type.String(),
  expiresAt: Type.String(),
});
export const AcceptInvitationSchema = Type.Object(
  {
    password: Type.Optional(Password),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export type Me = Type.Static<typeof MeSchema>;
export type MemberList = Type.Static<typeof MemberListSchema>;
export type PeopleList = Type.Static<typeof PeopleListSchema>;
export type TokenList = Type.Static<typeof TokenListSchema>;
export type CreatedToken = Type.Static<typeof CreatedTokenSchema>;
export type TotpEnrolment = Type.Static<typeof TotpEnrolmentSchema>;
export type InvitationView = Type.Static<typeof InvitationViewSchema>;
export type InvitationCreated = Type.Static<typeof InvitationCreatedSchema>;
export type RecoveryCodes = Type.Static<typeof RecoveryCodesSchema>;
export type SecondFactorStatus = Type.Static<typeof SecondFactorStatusSchema>;
