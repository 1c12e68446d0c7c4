import { dirname, join } from 'node:path';
import { Router } from 'express';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';

/** The files GraphiQL needs, served from the npm packages installed beside the gateway. */
const ASSETS: Record<string, { packageName: string; file: string; type: string }> = {
  'react.js': { packageName: 'react', file: 'umd/react.production.min.js', type: 'js' },
  'react-dom.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'js' },
  'graphiql.js': { packageName: 'graphiql', file: 'graphiql.min.js', type: 'js' },
  'graphiql.css': { packageName: 'graphiql', file: 'graphiql.min.css', type: 'css' },
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Shop GraphQL</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
      const defaultQuery = '{\\n  products(first: 5) {\\n    totalCount\\n    edges { node { id name price { amount currency } stockStatus } }\\n  }\\n}\\n';
      // The schema comes from the gateway, not from an introspection query: GraphiQL's is 15
      // deep and would cost about 50,000, and the query limits rightly refuse it.
      fetch('/graphiql/schema.json')
        .then((response) => response.json())
        .then((schema) =>
          ReactDOM.createRoot(document.getElementById('graphiql')).render(
            React.createElement(GraphiQL, { fetcher, defaultQuery, schema }),
          ),
        );
    </script>
  </body>
</html>`;

function assetPath(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

/** True when the GraphiQL packages are installed (development installs; not `--omit=dev`). */
export function graphiqlAvailable(): boolean {
  try {
    for (const { packageName, file } of Object.values(ASSETS)) assetPath(packageName, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * GraphiQL for development: `GET /graphql` from a browser (Accept: text/html, no query) answers
 * the page, whose scripts and styles come from `/graphiql/*`, read from the installed `graphiql`,
 * `react` and `react-dom` packages, so it works with no network. The page gets the schema from
 * `/graphiql/schema.json` (introspection computed here, once), so the query limits, which refuse
 * GraphiQL's own introspection query, stay as they are. Never mounted in production.
 */
export function graphiqlRouters(
  schema: () => GraphQLSchema | undefined,
): Array<{ path: string; router: Router }> {
  const page = Router();
  page.get('/', (req, res, next) => {
    if (req.query['query'] !== undefined || !req.accepts(['application/json', 'text/html'])) {
      next();
      return;
    }
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res.type('html').send(PAGE);
  });
  const assets = Router();
  let introspection: unknown;
  assets.get('/schema.json', (_req, res) => {
    const current = schema();
    if (!current) {
      res.status(503).json({ error: 'schema not loaded yet' });
      return;
    }
    introspection ??= introspectionFromSchema(current);
    res.json(introspection);
  });
  for (const [name, { packageName, file, type }] of Object.entries(ASSETS)) {
    const path = assetPath(packageName, file);
    assets.get(`/${name}`, (_req, res) => {
      res.type(type).sendFile(path, { maxAge: '1h' });
    });
  }
  return [
    { path: '/graphql', router: page },
    { path: '/graphiql', router: assets },
  ];
}
