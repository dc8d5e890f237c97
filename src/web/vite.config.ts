import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The web font's family name: not "Noto Sans JP", which a platform may already know by that name
 * (a system font or an alias) and then use instead of our slices, without their glyphs.
 */
const WEB_FONT_FAMILY = 'iotcheck Noto Sans JP';

/**
 * The Noto Sans JP slices under our own family name, WOFF2 only: every browser the app supports
 * reads WOFF2, so the WOFF copies would never be fetched.
 */
function noto(): Plugin {
  return {
    name: 'iotcheck-noto-sans-jp',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return undefined;
      const woff2Faces = code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '');
      return {
        code: woff2Faces.replaceAll("font-family: 'Noto Sans JP'", `font-family: '${WEB_FONT_FAMILY}'`),
        map: null,
      };
    },
  };
}

/**
 * Writes a .br (brotli, best) and .gz beside every text file of the build, once, so the server
 * sends them as they are (@fastify/static preCompressed) instead of compressing at every request.
 */
function precompress(): Plugin {
  const compressible = /\.(?:js|css|html|svg|json|txt)$/;
  return {
    name: 'iotcheck-precompress',
    apply: 'build',
    closeBundle() {
      const visit = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else if (compressible.test(entry.name)) {
            const content = readFileSync(path);
            if (content.length < 1024) continue;
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            );
            writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
          }
        }
      };
      visit(outDir);
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), noto(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
