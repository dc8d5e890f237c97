import { createSecretBox } from '../core/auth/secret-box';
import type { AppConfig } from '../config/config';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { createArgon2Hasher } from '../integrations/auth/password-hasher';
import { readInstallationKey } from '../integrations/secrets/installation-key';
import type { AccountDeps } from '../services/auth/account-deps';

/** Opens the configured database (migrated), runs one piece of account work, and closes it. */
export async function withAccountDeps<T>(config: AppConfig, work: (deps: AccountDeps) => Promise<T>): Promise<T> {
  const database = connectDatabase(config.database);
  try {
    await migrateToLatest(database);
    const secretBox = createSecretBox(readInstallationKey({ configured: config.secretKey, dataDir: config.dataDir }));
    return await work({ database, clock: () => new Date(), passwords: createArgon2Hasher(), secretBox });
  } finally {
    await database.close();
  }
}
