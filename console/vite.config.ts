import { defineConfig } from 'vite';

/**
 * The coordinators' console: a static build (index.html + hashed assets) that S3/CloudFront serves in
 * AWS and infra/local/console.ts serves with `npm start`. Its settings (API URL, OpenID provider, client
 * id) are read at run time from /config.json, so one build serves every deployment.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // Preact's automatic JSX runtime, without a Babel-based preset: Vite's own transformer does it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inline nothing as data: URLs; the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
