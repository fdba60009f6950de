import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/**
 * In dev, /thi/* is the public contest page's own entry (web/thi.html), as the server does in
 * production (decision 0011); every other path falls back to the main app.
 */
function contestPageInDev(): Plugin {
  return {
    name: 'phuxanh-contest-page',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/thi(\/|$)/.test(req.url)) req.url = '/thi.html';
        next();
      });
    },
  };
}

/** The web app lives in web/; the server serves dist/web and answers /api. */
export default defineConfig({
  root: 'web',
  plugins: [react(), contestPageInDev()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // bench/bundle.bench.ts reads it to weigh exactly what each entry loads.
    manifest: true,
    rollupOptions: { input: { main: 'web/index.html', thi: 'web/thi.html' } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
