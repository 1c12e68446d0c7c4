/**
 * The layering of the repository, checked by `npm run deps:check` (part of `npm test`):
 *
 *   shared/*  ← libraries; import only each other and npm packages
 *   subgraphs/<name>, gateway, workers  ← services; import shared, never each other
 *   infra, e2e  ← start and test the whole system; may import anything
 *
 * Workspace packages are imported by name (`@shop/events`); the cruiser follows the workspace
 * links to their real paths, so the rules below speak of folders. A package's `jest.config.js`
 * is the test runner's configuration, not code the package ships: it may name infra's preset,
 * which starts Redis and the MongoDB-compatible server around the tests.
 */
const RUNNER_CONFIG = 'jest\\.config\\.js$';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes modules impossible to read, test or load on their own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stays-a-library',
      severity: 'error',
      comment: 'Shared packages never import a subgraph, the gateway, the workers, infra or e2e.',
      from: { path: '^shared/', pathNot: RUNNER_CONFIG },
      to: { path: '^(subgraphs|gateway|workers|infra|e2e)/' },
    },
    {
      name: 'subgraphs-own-their-code',
      severity: 'error',
      comment:
        'A subgraph never imports another: data crosses through federation, events or internal APIs.',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'services-do-not-import-services',
      severity: 'error',
      comment: 'The gateway and the workers stand alone beside the subgraphs.',
      from: { path: '^(gateway|workers)/', pathNot: RUNNER_CONFIG },
      to: { path: '^(subgraphs|infra|e2e)/' },
    },
    {
      name: 'services-do-not-import-tooling',
      severity: 'error',
      comment: 'Subgraphs run without infra (launchers, sinks) and without the e2e stack.',
      from: { path: '^subgraphs/', pathNot: RUNNER_CONFIG },
      to: { path: '^(infra|e2e|gateway|workers)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|__generated__|/dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
