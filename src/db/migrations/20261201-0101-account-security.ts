import type { Kysely } from 'kysely';

// Account security (issue 8, 9): when a session last proved the password (recent authentication
// for account changes), wrong second-factor codes per pending session, and TOTP recovery codes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user_session').addColumn('authenticated_at', 'text').execute();
  await db.schema
    .alterTable('user_session')
    .addColumn('second_factor_failures', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('totp_recovery_code')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('totp_recovery_code_user_idx').on('totp_recovery_code').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('totp_recovery_code').execute();
  await db.schema.alterTable('user_session').dropColumn('second_factor_failures').execute();
  await db.schema.alterTable('user_session').dropColumn('authenticated_at').execute();
}
