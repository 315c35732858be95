// What a reader sees of an element: boxes, clipping, colours. Used by browser tests on real pages.

/** A measured size in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/** Loads a page of the repository in an iframe of the given size and returns its document. */
export async function loadFrame(path: string, width: number, height: number): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = path;
  });
  return frame.contentDocument!;
}

/** The parent in the flattened tree: through shadow roots to their hosts. */
function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  // Nodes of a page in a frame belong to its window: no instanceof across windows.
  const root = node.parentNode as ShadowRoot | null;
  return root?.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? root.host : null;
}

/** Whether an element clips what overflows it. */
function clips(element: Element): boolean {
  const style = getComputedStyle(element);
  return (
    style.overflowX !== 'visible' ||
    style.overflowY !== 'visible' ||
    /\b(paint|strict|content)\b/.test(style.contain)
  );
}

/**
 * Where an element is cut off: by each clipping ancestor (through shadow roots) and by the
 * window's viewport. Empty when the reader sees all of it.
 */
export function whereCut(element: Element, view: Window): string[] {
  const box = element.getBoundingClientRect();
  const cut: string[] = [];
  if (box.width <= 0 || box.height <= 0) return ['has no size'];
  type Frame = { left: number; right: number; top: number; bottom: number };
  // Which edges the element crosses, and by how much: a failure then says where it is cut.
  const crossed = (frame: Frame): string => {
    const overhangs: [edge: string, by: number][] = [
      ['left', frame.left - box.left],
      ['right', box.right - frame.right],
      ['top', frame.top - box.top],
      ['bottom', box.bottom - frame.bottom],
    ];
    return overhangs
      .filter(([, by]) => by > 0.5)
      .map(([edge, by]) => `${edge} by ${by.toFixed(1)}px`)
      .join(', ');
  };
  for (let node = composedParent(element); node; node = composedParent(node)) {
    if (node === node.ownerDocument.documentElement) break;
    const where = clips(node) ? crossed(node.getBoundingClientRect()) : '';
    if (where) cut.push(`is cut by ${node.localName}${node.className ? `.${String(node.className)}` : ''} (${where})`);
  }
  const where = crossed({ left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
  if (where) cut.push(`leaves the viewport (${where})`);
  return cut;
}

/** The parts a reader needs of one station row: icon, sky, name and temperature. */
export function stationParts(row: Element): Element[] {
  return ['icon', 'sky', 'name', 'temp'].map((name) => row.querySelector(`[part~="${name}"]`)!);
}

/** The roll row at rest in the strip's window (a station or the loop's copy), if none is moving. */
export function settledRow(root: ShadowRoot): HTMLElement | undefined {
  const frame = root.querySelector('[part="viewport"]')!.getBoundingClientRect();
  return [...root.querySelectorAll<HTMLElement>('ul.list > li, .clone .station')].find(
    (row) => Math.abs(row.getBoundingClientRect().top - frame.top) < 0.5,
  );
}
