import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

/** The bench page: renderer modules under test in a page of their own, never in the product. */
export default defineConfig({
  root: `${rootDir}test/bench/page`,
  base: './',
  logLevel: 'warn',
  build: { outDir: `${rootDir}out/bench`, emptyOutDir: true, target: 'chrome130' },
  preview: { port: 4174, strictPort: true, host: '127.0.0.1' },
});
