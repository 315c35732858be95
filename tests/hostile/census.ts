// Counts what a page has left running: timers, document/window listeners, observers with
// targets, media-query listeners. Installed before the elements connect; `restore()` undoes it.

type Target = Document | Window | MediaQueryList;
type ObserverName = 'IntersectionObserver' | 'ResizeObserver' | 'MutationObserver';

/** What is alive now. */
export interface Census {
  timers: number;
  listeners: string[];
  observers: Record<ObserverName, number>;
  mediaListeners: number;
  animations: number;
}

export interface Counter {
  census(): Census;
  restore(): void;
}

export function installCounter(): Counter {
  const undo: Array<() => void> = [];
  const patch = <T extends object, K extends keyof T>(owner: T, key: K, value: T[K]): void => {
    const original = owner[key];
    owner[key] = value;
    undo.push(() => (owner[key] = original));
  };

  // Timers: alive from setTimeout until it fires or is cleared.
  const timers = new Set<number>();
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  patch(window, 'setTimeout', ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id: number = realSet(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
      },
      delay,
      ...args,
    );
    timers.add(id);
    return id;
  }) as typeof window.setTimeout);
  patch(window, 'clearTimeout', ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    realClear(id);
  }) as typeof window.clearTimeout);

  // Listeners on document, window and media query lists: type and function, net of removals.
  const listeners = new Map<Target, Map<string, Set<unknown>>>();
  const mediaLists = new Set<MediaQueryList>();
  const track = (
    proto: { addEventListener: unknown; removeEventListener: unknown },
    only: (t: unknown) => boolean,
  ) => {
    const add = proto.addEventListener as EventTarget['addEventListener'];
    const remove = proto.removeEventListener as EventTarget['removeEventListener'];
    patch(proto, 'addEventListener', function (this: Target, type: string, fn: unknown, options?: unknown) {
      if (only(this) && fn) {
        if (!listeners.has(this)) listeners.set(this, new Map());
        const byType = listeners.get(this)!;
        if (!byType.has(type)) byType.set(type, new Set());
        byType.get(type)!.add(fn);
      }
      return add.call(this, type, fn as EventListener, options as AddEventListenerOptions);
    });
    patch(
      proto,
      'removeEventListener',
      function (this: Target, type: string, fn: unknown, options?: unknown) {
        listeners.get(this)?.get(type)?.delete(fn);
        return remove.call(this, type, fn as EventListener, options as EventListenerOptions);
      },
    );
  };
  track(EventTarget.prototype, (t) => t === document || t === window || mediaLists.has(t as MediaQueryList));
  const realMatchMedia = window.matchMedia;
  patch(window, 'matchMedia', ((query: string) => {
    const list = realMatchMedia.call(window, query);
    mediaLists.add(list);
    return list;
  }) as typeof window.matchMedia);

  // Observers: how many have at least one target (observe() adds, disconnect() clears).
  const observing = {
    IntersectionObserver: new Set<object>(),
    ResizeObserver: new Set<object>(),
    MutationObserver: new Set<object>(),
  };
  for (const name of Object.keys(observing) as ObserverName[]) {
    const Real = window[name] as unknown as new (...args: unknown[]) => {
      observe(...a: unknown[]): void;
      disconnect(): void;
      unobserve?(t: Element): void;
    };
    const set = observing[name];
    class Counted extends Real {
      #targets = new Set<unknown>();
      override observe(target: unknown, ...rest: unknown[]): void {
        super.observe(target, ...rest);
        this.#targets.add(target);
        set.add(this);
      }
      override unobserve(target: Element): void {
        super.unobserve?.(target);
        this.#targets.delete(target);
        if (this.#targets.size === 0) set.delete(this);
      }
      override disconnect(): void {
        super.disconnect();
        this.#targets.clear();
        set.delete(this);
      }
    }
    patch(window, name, Counted as unknown as (typeof window)[typeof name]);
  }

  return {
    census() {
      const names: string[] = [];
      let mediaListeners = 0;
      for (const [target, byType] of listeners) {
        for (const [type, fns] of byType) {
          if (fns.size === 0) continue;
          if (mediaLists.has(target as MediaQueryList)) mediaListeners += fns.size;
          else names.push(`${target === document ? 'document' : 'window'} ${type} ×${fns.size}`);
        }
      }
      return {
        timers: timers.size,
        listeners: names.sort(),
        observers: {
          IntersectionObserver: observing.IntersectionObserver.size,
          ResizeObserver: observing.ResizeObserver.size,
          MutationObserver: observing.MutationObserver.size,
        },
        mediaListeners,
        animations: animations(),
      };
    },
    restore() {
      for (const step of undo.reverse()) step();
    },
  };
}

/** Running animations in the document and in every shadow root in it. */
function animations(): number {
  let count = document.getAnimations().length;
  const visit = (root: Document | ShadowRoot): void => {
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      count += el.shadowRoot.getAnimations().length;
      visit(el.shadowRoot);
    }
  };
  visit(document);
  return count;
}
