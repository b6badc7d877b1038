import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The PWA lives in kiosk-app/; the hall-server serves the built files from dist/.
export default defineConfig({
  root: 'kiosk-app',
  base: '/',
  plugins: [preact()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
