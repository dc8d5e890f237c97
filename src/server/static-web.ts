import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { INSTALL_ROOT } from '../config/install-paths';

/** Where `npm run build` puts the web app. */
export const WEB_DIST_DIR = join(INSTALL_ROOT, 'dist', 'web');

const NOT_BUILT_PAGE = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>iotcheck</title>
<p>画面がまだビルドされていません。<code>npm run build</code> を実行してください。</p>
<p lang="en">The web app has not been built yet. Run <code>npm run build</code>.</p></html>`;

/** Serves the built SPA from dist/web; `sendIndex` answers history-fallback requests. */
export async function registerStaticWeb(app: FastifyInstance, root = WEB_DIST_DIR): Promise<{ isBuilt: boolean }> {
  const isBuilt = existsSync(`${root}/index.html`);
  if (isBuilt) {
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: '1h', immutable: false });
  }
  return { isBuilt };
}

export { NOT_BUILT_PAGE };
