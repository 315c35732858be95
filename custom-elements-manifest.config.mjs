export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cli/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
