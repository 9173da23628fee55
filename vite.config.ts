import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const config = defineConfig({
  root: here('./web'),
  plugins: [react()],
  resolve: { alias: { '@shared': here('./shared'), '@web': here('./web') } },
  build: { outDir: here('./dist/web'), emptyOutDir: true, reportCompressedSize: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' } },
});

export default config;
