import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const config = defineConfig({
  resolve: {
    alias: {
      '@server': here('./server'),
      '@shared': here('./shared'),
      '@web': here('./web'),
      '@test': here('./test'),
      '@demo-partner': here('./demo-partner'),
      '@erp-standin': here('./erp-standin'),
      '@idcorreios': here('./idcorreios'),
    },
  },
  test: {
    include: [
      'server/**/*.test.ts',
      'shared/**/*.test.ts',
      'web/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

// vitest loads the default export of its config file.
export default config;
