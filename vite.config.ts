import { defineConfig } from 'vite';

// The demo page (npm start) and its static build (npm run build:demo).
export default defineConfig({
  root: 'demo',
  base: './',
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
