import { defineConfig } from 'tsup';

/**
 * Production bundles of the deployable processes (subgraphs, gateway): the workspace's own
 * packages are bundled in, since they are published as TypeScript sources; npm packages stay
 * external and are installed beside the bundle.
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs'],
  target: 'node20',
  outDir: 'dist',
  noExternal: [/^@shop\//],
  clean: true,
  sourcemap: true,
});
