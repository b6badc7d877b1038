import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { buildCitizenPages } from './scripts/citizen-pages.ts';

// The PWA lives in kiosk-app/; the hall-server serves the built files from dist/.
// Service worker: our own (kiosk-app/sw.ts, injectManifest) in prompt mode; the page registers it with workbox-window
// and applies an update only at a natural boundary (the kiosk's idle reset).
export default defineConfig({
  root: 'kiosk-app',
  base: '/',
  plugins: [
    preact(),
    // The citizen's phone pages (kiosk-app/citizen/): built on their own, outside the PWA and its service worker.
    { name: 'citizen-pages', apply: 'build', closeBundle: () => buildCitizenPages(new URL('./dist', import.meta.url).pathname) },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '医保服务大厅自助终端',
        short_name: '医保大厅',
        lang: 'zh-CN',
        display: 'fullscreen',
        start_url: '/kiosk',
        background_color: '#ffffff',
        theme_color: '#0b5cab',
        icons: [],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      },
    }),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // The hall's screens, and the region console (served by the region-server at /region/).
      input: { main: 'kiosk-app/index.html', region: 'kiosk-app/region/index.html' },
      output: {
        // The schemas (zod, the content schema and everything under protocol/, the contracts two parts share) in one
        // chunk of their own, so a screen's first paint can happen before it loads (the kiosk home does). The zod-free
        // part the boot screen itself needs (protocol/hall/pack-data.ts) stays out of it.
        manualChunks(id: string) {
          if (/[\\/]protocol[\\/]hall[\\/]pack-data\.ts$/.test(id)) return 'pack-data';
          if (/node_modules[\\/]zod[\\/]/.test(id) || (!id.includes('node_modules') && /[\\/](protocol|content[\\/]schema)[\\/]/.test(id))) {
            return 'schemas';
          }
          return undefined;
        },
      },
    },
  },
});
