import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { DEV_CSP, PRODUCTION_CSP } from './csp.ts';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** Writes the CSP meta tag: strict in every build, relaxed only for the dev server's HMR. */
function contentSecurityPolicy(): Plugin {
  let csp = PRODUCTION_CSP;
  return {
    name: 'warroom-csp',
    configResolved(config) {
      csp = config.command === 'serve' && config.mode !== 'production' ? DEV_CSP : PRODUCTION_CSP;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('%WARROOM_CSP%', csp),
    },
  };
}

/** The renderer build, shared by `npm run web`, the e2e suite and electron-vite. */
export const rendererConfig: UserConfig = {
  root: `${rootDir}renderer`,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: `${rootDir}out/renderer`,
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
  // WARROOM_DEV_PORT moves the dev server (npm run web, npm run dev) off 5173, e.g. for a test
  // run beside a developer's own dev server.
  server: { port: Number(process.env['WARROOM_DEV_PORT'] ?? 5173), strictPort: true },
  preview: { port: 4173, strictPort: true },
};

export default defineConfig(rendererConfig);
