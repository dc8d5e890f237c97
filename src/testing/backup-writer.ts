import { DEVICE_DEFAULTS } from '../core/inventory/device-defaults';
import { connectDatabase } from '../db/connect';
import { insertDevice } from '../db/inventory/device.repository';
import type { Installation } from './backup-installation';
import { seedOrganisation } from './test-accounts';

/** A writer running beside a backup; `stop` ends its loop and closes its connection. */
export interface BackgroundWriter {
  /** The organisation it writes into (named `written-<count>` after each transaction). */
  readonly organisationId: string;
  /** How many transactions it has committed so far. */
  written(): number;
  stop(): Promise<void>;
}

/**
 * Starts a writer on its own connection, as another server process would be: each transaction
 * adds a device and records the running count in its organisation's name, so a backup that read
 * tables at different moments would disagree with itself. Resolves once it has written three times.
 */
export async function startBackgroundWriter(
  installation: Installation,
  options: { pauseMs?: number } = {},
): Promise<BackgroundWriter> {
  const organisationId = await seedOrganisation(installation.database, 'Writer');
  const writerDb = connectDatabase(installation.database.config);
  let written = 0;
  let stopped = false;
  const pause = () =>
    new Promise((resolve) =>
      options.pauseMs === undefined ? setImmediate(resolve) : setTimeout(resolve, options.pauseMs),
    );
  const loop = (async () => {
    while (!stopped) {
      await writerDb.db.transaction().execute(async (trx) => {
        written += 1;
        await insertDevice(
          trx,
          organisationId,
          { ...DEVICE_DEFAULTS, assetTag: `W-${written}`, name: `Writer ${written}` },
          { at: '2026-12-02T09:00:00.000Z', by: null },
        );
        await trx
          .updateTable('organisation')
          .set({ name: `written-${written}` })
          .where('id', '=', organisationId)
          .execute();
      });
      await pause();
    }
  })();
  while (written < 3) await new Promise((resolve) => setTimeout(resolve, 5));
  return {
    organisationId,
    written: () => written,
    async stop() {
      stopped = true;
      await loop;
      await writerDb.close();
    },
  };
}
