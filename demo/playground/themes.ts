// Theme presets: only the public custom properties and parts, as a site would write them.

/** A look: custom property values and `::part()` rules. */
export interface ThemePreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly parts: string;
}

export const THEME_PRESETS: readonly ThemePreset[] = [
  {
    id: 'reference',
    label: 'Reference',
    description:
      'The plain look of the reference page: the defaults, following the page’s light or dark scheme.',
    properties: {},
    parts: '',
  },
  {
    id: 'newsroom',
    label: 'Dark newsroom',
    description: 'A dark band above a dark card, in any colour scheme.',
    properties: {
      '--weather-strip-background': '#0b1d33',
      '--weather-strip-color': '#f5f7fa',
      '--weather-strip-muted-color': '#b4c2d3',
      '--weather-strip-accent-color': '#ffd166',
      '--weather-strip-sun-color': '#ffd166',
      '--weather-strip-padding-inline': '0.75rem',
      '--weather-strip-radius': '0.375rem',
      '--article-card-background': '#111a24',
      '--article-card-color': '#eef2f6',
      '--article-card-muted-color': '#aebccb',
      '--article-card-accent-color': '#ffd166',
      '--article-card-padding': '1.5rem',
      '--article-card-radius': '0.375rem',
    },
    parts: 'weather-strip::part(temp) {\n  font-weight: 700;\n}',
  },
  {
    id: 'brand',
    label: 'Brand colour',
    description:
      'One brand colour (here a newspaper red) on the date, the category and a rule under the strip.',
    properties: {
      '--weather-strip-accent-color': 'light-dark(#b3121f, #ff8f8f)',
      '--weather-strip-font-size': '1rem',
      '--article-card-accent-color': 'light-dark(#b3121f, #ff8f8f)',
      '--article-card-headline-size': '2rem',
    },
    parts:
      'weather-strip::part(base) {\n  border-block-end: 3px solid light-dark(#b3121f, #ff8f8f);\n}\narticle-card::part(category) {\n  font-weight: 700;\n}',
  },
];
