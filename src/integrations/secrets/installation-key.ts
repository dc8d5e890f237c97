import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../../core/domain-error';

/**
 * The 32-byte key that seals TOTP seeds: SECRET_KEY (base64) when configured, otherwise
 * DATA_DIR/secret.key, created once with mode 0600. Never a built-in default.
 */
export function readInstallationKey(options: { configured: string | undefined; dataDir: string }): Buffer {
  if (options.configured !== undefined) {
    const key = Buffer.from(options.configured, 'base64');
    if (key.length !== 32)
      throw new DomainError(
        'CONFIG_INVALID',
        'SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).',
        [{ field: 'SECRET_KEY', reason: 'must decode to 32 bytes' }],
      );
    return key;
  }
  const file = join(options.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new DomainError('CONFIG_INVALID', `${file} does not hold a 32-byte base64 key.`, [
      { file, reason: 'must decode to 32 bytes' },
    ]);
  return key;
}
