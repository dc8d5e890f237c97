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

/** Files under assets/ carry a hash of their content in their name: a new build gives new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so the browser asks again each time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA from dist/web: the .br/.gz the build wrote beside each text file when the
 * browser accepts them, hashed assets cached for a year, index.html revalidated. `sendFile`
 * answers history-fallback requests.
 */
export async function registerStaticWeb(app: FastifyInstance, root = WEB_DIST_DIR): Promise<{ isBuilt: boolean }> {
  const isBuilt = existsSync(`${root}/index.html`);
  if (isBuilt) {
    await app.register(fastifyStatic, {
      root,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  return { isBuilt };
}

export { NOT_BUILT_PAGE };
