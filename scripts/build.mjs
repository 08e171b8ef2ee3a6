// Bundles the CLI and the schema generator into dist/ so that `npx claims` runs plain JavaScript.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Split chunks so that start-up (`--version`, `--help`) loads only commander, not zod and the rules.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  logLevel: 'warning',
  // cli-table3 is CommonJS and calls require(): give the ESM bundle a real require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: { claims: 'src/cli/index.ts', 'gen-schemas': 'scripts/gen-schemas.ts', 'load-worker': 'src/load/load-worker.ts' }, outdir: 'dist' });
