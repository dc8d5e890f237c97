import { IOTCHECK_VERSION } from '../core/version';
import type { Database, DatabaseDialect } from '../db/database';

export interface Health {
  readonly status: 'ok';
  readonly version: string;
  readonly database: DatabaseDialect;
}

/**
 * Liveness: the process is up and answering. It never touches the database, so a slow or absent
 * database does not make an orchestrator restart healthy servers; readiness is `checkReadiness`.
 */
export function getHealth(deps: { database: Pick<Database, 'dialect'> }): Health {
  return { status: 'ok', version: IOTCHECK_VERSION, database: deps.database.dialect };
}
