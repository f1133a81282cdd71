import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererConfig } from './vite.renderer.config.ts';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string): string => `${rootDir}${path}`;

/**
 * Main and the CLI share one build (and their zod/shared chunks) but land in sibling folders
 * of out/, so out/ itself cannot be emptied; this clears just the folders this build owns.
 */
function cleanOutputs(dirs: string[]): Plugin {
  return {
    name: 'warroom-clean-outputs',
    apply: 'build',
    buildStart() {
      for (const dir of dirs) rmSync(at(dir), { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [cleanOutputs(['out/main', 'out/cli', 'out/chunks'])],
    build: {
      outDir: at('out'),
      emptyOutDir: false,
      // The CLI runs on the system Node (package.json engines), older than Electron's.
      target: 'node20.19',
      // zod and shared/ are bundled, so the packaged app needs no node_modules at run time.
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        input: {
          'main/index': at('electron/main/index.ts'),
          'cli/warroom': at('electron/cli/warroom.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        // A sandboxed preload is loaded as a classic script: CommonJS, one file, no imports
        // but 'electron' (it takes only types and the channel name from shared/bridge).
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite looks for src/renderer/index.html unless told where the page is.
      rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: at('renderer/index.html') },
    },
  },
});
