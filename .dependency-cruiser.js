// The layers of src/ (`npm run check:deps`). Pure logic knows nothing of Lit, the DOM or Node,
// so that the feed command, the edge handler and Node tests can run it; the elements sit on top.
const LIT = '^node_modules/(lit|lit-html|lit-element|@lit|@lit-labs)/';
const ELEMENTS = '^src/(weather-strip|article-card)/';

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle ties modules that should be understood (and loaded) one after the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-vocabulary',
      comment:
        'format/ and kma/ are pure functions and tables, the bottom layer: no Lit templates, ' +
        'no element code, and nothing of feed/ (which builds on them).',
      severity: 'error',
      from: { path: '^src/(format|kma)/' },
      to: { path: [LIT, ELEMENTS, '^src/feed/'] },
    },
    {
      name: 'feed-core-without-lit-or-command',
      comment:
        'kma-feed/ is the feed core shared by the command and the edge handler: no Lit, no part of the command.',
      severity: 'error',
      from: { path: '^src/kma-feed/' },
      to: { path: [LIT, '^src/cli/'] },
    },
    {
      name: 'feed-core-without-node',
      comment: 'kma-feed/ runs in Workers and Deno as well as Node: no node: modules.',
      severity: 'error',
      from: { path: '^src/kma-feed/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'command-through-feed-core-entry',
      comment:
        'The command is a shell around the feed core: it uses what kma-feed/index.ts exports, as the ' +
        'edge handler will, so that the core can change inside without breaking a shell.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/kma-feed/', pathNot: '^src/kma-feed/index\\.ts$' },
    },
    {
      name: 'command-without-elements',
      comment:
        'The feed command runs in Node: it needs neither Lit nor the elements, nor feed/ or kma/ directly (the core brings what it needs).',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: [LIT, ELEMENTS, '^src/(feed|kma)/'] },
    },
    {
      name: 'edge-without-node-or-lit',
      comment:
        'edge/ is the feed behind a Web-standard handler for Workers, Deno, Bun and Node: no node: modules, no Lit, nothing of the command.',
      severity: 'error',
      from: { path: '^src/edge/' },
      to: { path: [LIT, ELEMENTS, '^src/cli/'] },
    },
    {
      name: 'edge-without-node-modules',
      comment: 'The edge module is bundled with no imports at all, so that every runtime loads it.',
      severity: 'error',
      from: { path: '^src/edge/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'] },
    },
    {
      name: 'edge-through-feed-core-entry',
      comment:
        'The edge handler is a shell around the feed core, as the command is: it uses kma-feed/index.ts only.',
      severity: 'error',
      from: { path: '^src/edge/' },
      to: { path: '^src/(kma-feed|feed|kma)/', pathNot: '^src/kma-feed/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a layer that names another's types depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
