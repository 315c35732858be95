import type { UserConfig } from 'vite';
import cdn from './vite.cdn.config.ts';

// The strip alone (with <weather-station> and Lit), for pages that show no article card:
// dist/cdn/weather-strip-only.js. Everything else is the CDN bundle's own configuration.
const base = cdn as UserConfig;

export default {
  ...base,
  build: {
    ...base.build,
    emptyOutDir: false, // the full bundle is already there
    lib: {
      formats: ['es'],
      fileName: (_format: string, name: string) => `${name}.js`,
      entry: { 'weather-strip-only': 'src/define/weather-strip.ts' },
    },
  },
} satisfies UserConfig;
