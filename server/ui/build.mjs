// Bundles src/ into dist/ (run by `go generate ./server/ui` via `npm run build`).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: 'dist/assets',
  legalComments: 'linked',
  logLevel: 'info',
});
await esbuild.build({
  entryPoints: { app: 'src/style.css' },
  bundle: true,
  minify: true,
  outdir: 'dist/assets',
  logLevel: 'info',
});
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync('src/favicon.svg', 'dist/favicon.svg');
