import type { SecretBox } from '../../core/auth/secret-box';
import type { Database } from '../../db/database';
import type { ProbeOptions } from '../../integrations/probes/run-probe';
import type { Resolver } from '../../integrations/probes/resolve-hostnames';

/** What probe use cases need. `resolver` and `probeOptions` are injectable so tests stay on loopback and fast. */
export interface ProbeDeps {
  readonly database: Database;
  readonly clock: () => Date;
  /** Seals the admin's credential lists (the installation key). */
  readonly secretBox: SecretBox;
  readonly wakeJobWorker?: () => void;
  readonly resolver?: Resolver;
  readonly probeOptions?: Pick<ProbeOptions, 'connectTimeoutMs' | 'serviceTimeoutMs' | 'services'>;
}
