/**
 * Every action code the audit trail records. Services write these codes; the web shows each in
 * the reader's language (src/web/i18n: auditActions), and tests check that both lists stay whole.
 */
export const AUDIT_ACTIONS = [
  'setup.first_owner',
  'auth.login',
  'auth.password_ok',
  'auth.logout',
  'auth.locked',
  'user.create',
  'user.provision',
  'account.password_changed',
  'account.password_reset',
  'account.totp_enabled',
  'token.create',
  'token.revoke',
  'organisation.create',
  'organisation.update',
  'member.added',
  'member.role_changed',
  'member.removed',
  'invitation.create',
  'invitation.accept',
  'system.create',
  'system.update',
  'assessment.create',
  'assessment.copy',
  'assessment.copy_contents',
  'assessment.status',
  'answer.update',
  'answer.review',
  'answer.apply',
  'answer.copy',
  'item_weights.update',
  'evidence.create',
  'evidence.delete',
  'evidence.link',
  'evidence.unlink',
  'finding.create',
  'finding.update',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
