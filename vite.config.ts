import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const config = defineConfig({
  root: here('./web'),
  plugins: [react()],
  resolve: { alias: { '@shared': here('./shared'), '@web': here('./web') } },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    reportCompressedSize: true,
    // Two pages: the staff app and the citizens' portal, each with its own bundle.
    rollupOptions: {
      input: { staff: here('./web/index.html'), portal: here('./web/portal/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' } },
});

export default config;
