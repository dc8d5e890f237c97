import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Puts `base64Key` in DATA_DIR/secret.key (mode 0600), setting an existing different key aside as
 * secret.key.before-restore; returns how to undo it. Used by restore, which checked first that the
 * installation holds no data sealed with the old key.
 */
export function replaceInstallationKeyFile(dataDir: string, base64Key: string): () => void {
  const file = join(dataDir, 'secret.key');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (previous?.trim() === base64Key.trim()) return () => undefined;
  mkdirSync(dataDir, { recursive: true });
  if (previous !== undefined) writeFileSync(`${file}.before-restore`, previous, { mode: 0o600 });
  writeFileSync(file, base64Key, { mode: 0o600 });
  chmodSync(file, 0o600);
  return () => {
    if (previous === undefined) rmSync(file, { force: true });
    else writeFileSync(file, previous, { mode: 0o600 });
    rmSync(`${file}.before-restore`, { force: true });
  };
}
