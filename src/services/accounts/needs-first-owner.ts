import type { Database } from '../../db/database';
import { countUsers } from '../../db/user.repository';

/** True while the installation has no user at all, i.e. first-run setup has not been done. */
export async function needsFirstOwner(deps: { readonly database: Database }): Promise<boolean> {
  return (await countUsers(deps.database.db)) === 0;
}
