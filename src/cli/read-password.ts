import { readFileSync } from 'node:fs';
import { read } from 'read';

/**
 * A password for a CLI command: from --password-file (first line), or asked on the terminal
 * without echo. Never from an argument or the environment, where it would leak into history.
 */
export async function readPassword(options: { passwordFile?: string; prompt: string }): Promise<string> {
  if (options.passwordFile) return (readFileSync(options.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  return read({ prompt: options.prompt, silent: true, replace: '*' });
}
