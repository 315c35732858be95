import type { ShownArticle } from './article-fields.js';

/** The Trusted Types policy that writes JSON-LD (`trusted-types … article-card`). */
export const JSON_LD_POLICY = 'article-card';

let policy: { createScript(text: string): unknown } | null | undefined;

/** The JSON-LD policy, created on first use; `null` where Trusted Types refuses it or is absent. */
function jsonLdPolicy(): typeof policy {
  const types = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } })
    .trustedTypes;
  try {
    // The text is JSON with `<` escaped, in a script no browser runs: passing it through is safe.
    policy ??= types?.createPolicy(JSON_LD_POLICY, { createScript: (text: string) => text }) ?? null;
  } catch {
    policy = null;
  }
  return policy;
}

/** schema.org `NewsArticle` JSON-LD of the article as shown, with `<` escaped so that no text can close the script. */
export function newsArticleJson(a: ShownArticle): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.deck,
    articleSection: a.category,
    datePublished: a.published,
    author: a.reporter ? { '@type': 'Person', name: a.reporter } : undefined,
    publisher: a.publisher ? { '@type': 'Organization', name: a.publisher } : undefined,
    image: a.image,
    url: a.href,
  }).replace(/</g, '\\u003c');
}

/** Writes `json` into a JSON-LD script; `false`, with a warning, when Trusted Types refuses it. */
export function writeJsonLd(script: HTMLScriptElement, json: string): boolean {
  if (script.textContent === json) return true;
  try {
    // Under Trusted Types a script's text is a sink even for data blocks.
    (script as { textContent: unknown }).textContent = jsonLdPolicy()?.createScript(json) ?? json;
    return true;
  } catch {
    console.warn(
      `<article-card> structured-data: Trusted Types refused the JSON-LD; allow the policy '${JSON_LD_POLICY}'`,
    );
    return false;
  }
}
