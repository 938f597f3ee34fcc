/**
 * The console's bundle (npx tsx tools/build.ts apps/console → dist/apps/console/public) and its component tests
 * (vitest, src/**\/*.test.tsx in jsdom). The server in server/ is compiled by swc like the services.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console/public', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // React, Mantine and oidc-client-ts in one chunk: about 150 kB gzipped, loaded once and cached (hashed name).
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
  },
});
