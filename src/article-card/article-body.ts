/** One block of an article body: a paragraph or a section heading. */
export interface BodyBlock {
  /** Whether the block is a section heading (a `# ` line) rather than a paragraph. */
  readonly heading: boolean;
  /** The block's plain text; never markup. */
  readonly text: string;
}

/**
 * Splits an article feed's plain-text `body` into blocks: blank lines separate paragraphs, a line
 * starting with `# ` is a section heading, and the lines of one paragraph join with a space.
 * Nothing is parsed as HTML: `<b>` stays the three characters it is.
 */
export function parseArticleBody(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) blocks.push({ heading: false, text: lines.join(' ') });
    lines = [];
  };
  for (const raw of body.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (raw.startsWith('# ')) {
      flush();
      if (line.length > 1) blocks.push({ heading: true, text: line.slice(2).trim() });
    } else if (line) lines.push(line);
    else flush();
  }
  flush();
  return blocks;
}
