// Serves the project's JSON files (demo/data/, tests/fixtures/) as ES modules for `import x from './x.json'`,
// leaving feeds under /feeds/ as real JSON responses.

/** @returns {import('@web/dev-server-core').Plugin} */
export function jsonModulePlugin() {
  const isModule = (context) => context.path.endsWith('.json') && !context.path.startsWith('/feeds/');
  return {
    name: 'json-module',
    resolveMimeType(context) {
      return isModule(context) ? 'js' : undefined;
    },
    transform(context) {
      if (isModule(context)) return { body: `export default ${context.body};` };
      return undefined;
    },
  };
}
