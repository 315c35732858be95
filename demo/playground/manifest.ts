// Reads custom-elements.json into the controls of the playground, so that the panel never
// drifts from the elements' real attributes and custom properties. Pure: no DOM.

/** The parts of a custom elements manifest the playground reads. */
export interface Manifest {
  readonly modules: readonly {
    readonly declarations?: readonly Declaration[];
  }[];
}

interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly type?: { readonly text: string };
  readonly default?: string;
  readonly description?: string;
  readonly attributes?: readonly {
    readonly name: string;
    readonly type?: { readonly text: string };
    readonly default?: string;
    readonly description?: string;
    readonly fieldName?: string;
  }[];
  readonly cssProperties?: readonly {
    readonly name: string;
    readonly default?: string;
    readonly description?: string;
  }[];
  readonly cssParts?: readonly { readonly name: string; readonly description?: string }[];
}

/** One attribute, as a control. */
export type AttributeControl =
  | (ControlBase & {
      readonly kind: 'enum';
      readonly options: readonly string[];
      readonly defaultValue: string;
    })
  | (ControlBase & {
      readonly kind: 'number';
      readonly defaultValue: number | undefined;
      readonly unit: string | undefined;
      readonly min: number | undefined;
      readonly max: number | undefined;
    })
  | (ControlBase & { readonly kind: 'boolean'; readonly defaultValue: boolean })
  | (ControlBase & { readonly kind: 'text'; readonly defaultValue: string | undefined });

interface ControlBase {
  /** The attribute's name (`time-zone`). */
  readonly name: string;
  /** The property's name (`timeZone`). */
  readonly field: string;
  /** The manifest's description, for the control's hint. */
  readonly description: string;
}

/** One documented CSS custom property, as a control. */
export interface CssPropertyControl {
  readonly name: string;
  readonly description: string;
  readonly defaultValue: string;
  /** `color` gets a colour picker, `length` a number with a unit, `text` free CSS. */
  readonly kind: 'color' | 'length' | 'text';
}

/** Everything the playground shows for one element. */
export interface ElementControls {
  readonly tagName: string;
  readonly attributes: readonly AttributeControl[];
  readonly cssProperties: readonly CssPropertyControl[];
  readonly parts: readonly string[];
}

/** `'roll' | 'marquee'` or `['roll', 'marquee']`: the string literals, or `undefined`. */
export function stringLiterals(text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  const body = text.trim().replace(/^\[|\]$/g, '');
  const items = body
    .split(/[|,]/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length < 2 || !items.every((item) => /^'[^']*'$|^"[^"]*"$/.test(item))) return undefined;
  return items.map((item) => item.slice(1, -1));
}

/** `StripMode` → `STRIP_MODES`, `lang` → `LANGS`: the house convention for `as const` arrays. */
function constArrayName(name: string): string {
  return `${name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase()}S`;
}

/** The unit a number attribute is counted in, from the first words of its description. */
function numberUnit(description: string): string | undefined {
  if (/^pixels per second/i.test(description)) return 'px/s';
  if (/^(seconds|milliseconds|minutes)\b/i.test(description)) {
    return { seconds: 's', milliseconds: 'ms', minutes: 'min' }[description.split(/\s/)[0]!.toLowerCase()];
  }
  return undefined;
}

function unquote(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
}

/** What kind of control a custom property gets, from its default and name. */
export function cssKind(name: string, defaultValue: string): CssPropertyControl['kind'] {
  if (/color|background/.test(name) || /^(#|light-dark\(|rgb|hsl)/.test(defaultValue)) return 'color';
  if (/^-?[\d.]+(rem|em|px|ms|s|%)?$/.test(defaultValue)) return 'length';
  return 'text';
}

/** The controls of each element in the manifest, in `tags` order. */
export function readManifest(manifest: Manifest, tags: readonly string[]): ElementControls[] {
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const constArrays = new Map<string, string[]>();
  for (const declaration of declarations) {
    const literals =
      declaration.kind === 'variable'
        ? stringLiterals(declaration.type?.text ?? declaration.default)
        : undefined;
    if (literals) constArrays.set(declaration.name, literals);
  }
  return tags.map((tagName) => {
    const element = declarations.find((declaration) => declaration.tagName === tagName);
    if (!element) throw new Error(`${tagName} is not in custom-elements.json`);
    const attributes = (element.attributes ?? []).map((attribute): AttributeControl => {
      const type = attribute.type?.text.replace(/\s*\|\s*undefined$/, '') ?? 'string';
      const description = attribute.description ?? '';
      const base = { name: attribute.name, field: attribute.fieldName ?? attribute.name, description };
      const options =
        stringLiterals(type) ??
        constArrays.get(constArrayName(type)) ??
        constArrays.get(constArrayName(attribute.name));
      if (options)
        return { ...base, kind: 'enum', options, defaultValue: unquote(attribute.default) ?? options[0]! };
      if (type === 'number') {
        const range = /(\d+)–(\d+)/.exec(description);
        const unit = numberUnit(description);
        return {
          ...base,
          kind: 'number',
          defaultValue:
            attribute.default === undefined ? undefined : Number(attribute.default.replace(/_/g, '')),
          unit,
          min: range ? Number(range[1]) : unit ? 0 : undefined,
          max: range ? Number(range[2]) : undefined,
        };
      }
      if (type === 'boolean') return { ...base, kind: 'boolean', defaultValue: attribute.default === 'true' };
      return { ...base, kind: 'text', defaultValue: unquote(attribute.default) };
    });
    const cssProperties = (element.cssProperties ?? []).map((property) => {
      const defaultValue = property.default ?? '';
      return {
        name: property.name,
        description: property.description ?? '',
        defaultValue,
        kind: cssKind(property.name, defaultValue),
      };
    });
    return { tagName, attributes, cssProperties, parts: (element.cssParts ?? []).map((part) => part.name) };
  });
}
