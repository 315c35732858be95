// Contrast as a reader gets it: computed colours, with the element's and its ancestors' opacity,
// over the background that is actually behind them (WCAG 2 relative luminance).

/** Red, green, blue (0–255) and alpha (0–1). */
export type Rgba = readonly [number, number, number, number];

/** Parses a computed colour: `rgb(…)`, `rgba(…)`, space-separated, or `color(srgb …)`. */
export function parseColor(text: string): Rgba {
  const srgb = text.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const numbers = text.match(/[\d.]+/g)?.map(Number);
  if (!/^rgba?\(/.test(text) || !numbers || numbers.length < 3) throw new Error(`not a colour: ${text}`);
  return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3] ?? 1];
}

/** `front` with `alpha` over an opaque `back`. */
function over(front: Rgba, back: Rgba, alpha: number): Rgba {
  const mix = (i: number) => front[i]! * alpha + back[i]! * (1 - alpha);
  return [mix(0), mix(1), mix(2), 1];
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode as ShadowRoot | null;
  return root?.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? root.host : null;
}

/** The opaque background behind an element: the first ancestor (or itself) that paints one. */
export function backgroundBehind(element: Element): Rgba {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] === 1) return color;
  }
  return [255, 255, 255, 1];
}

/**
 * The colour a reader sees for one of an element's colour properties: its alpha and the opacity
 * of the element and every ancestor up to the one that paints the background.
 */
export function seenColor(
  element: Element,
  property: 'color' | 'borderTopColor' | 'outlineColor' = 'color',
): Rgba {
  const background = backgroundBehind(element);
  const own = parseColor(getComputedStyle(element)[property]);
  let alpha = own[3];
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const style = getComputedStyle(node);
    if (parseColor(style.backgroundColor)[3] === 1 && node !== element) break;
    alpha *= Number(style.opacity);
  }
  return over(own, background, alpha);
}

/** Contrast of an element's colour property against the background behind it. */
export function contrastOf(
  element: Element,
  property: 'color' | 'borderTopColor' | 'outlineColor' = 'color',
): number {
  return contrastRatio(seenColor(element, property), backgroundBehind(element));
}
