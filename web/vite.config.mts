/**
 * Builds the web workbench into web/dist, served by the API at /app. JSX goes through Vite 8's own Oxc transform
 * (automatic runtime): no `@vitejs/plugin-react` version installs beside this project's jest (its optional peer
 * `@rolldown/plugin-babel` wants Babel 8 while jest holds Babel 7, and npm refuses the tree), and the plugin's
 * fast refresh is not needed for an app that is always served built.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_500,
    // No inline scripts or data: URLs for modules, so the Content-Security-Policy can say script-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
