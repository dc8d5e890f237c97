import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The first owner of a fresh server and the organisation they create. */
export interface FirstOwner {
  readonly organisation: string;
  readonly email: string;
  readonly password: string;
}

/** Creates the first owner through the (Japanese) setup page; signed in when it returns. */
export async function setUpFirstOwner(page: Page, url: string, owner: FirstOwner): Promise<void> {
  await page.goto(`${url}/setup`);
  await page.getByLabel('組織名').fill(owner.organisation);
  await page.getByLabel('メールアドレス').fill(owner.email);
  await page.getByLabel('パスワード').fill(owner.password);
  await page.getByRole('button', { name: '作成してサインイン' }).click();
  await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain(owner.organisation);
}

/** Calls the API as the signed-in page, with its CSRF token. */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as T;
    },
    { method, path, body },
  ) as Promise<T>;
}

/** Writes files to upload into a new temporary folder: `write(name, content)` gives the path. */
export function uploadFolder(prefix: string): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
}
