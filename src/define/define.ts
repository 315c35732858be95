/**
 * Registers `constructor` as `tag` unless the tag is taken (by this library loaded twice, or by
 * the page's own element): registering twice never throws.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
