/**
 * One host element per recommendation item in the reading surface, where its
 * status badge is rendered. The surface keeps each block's text as its only
 * text: the host is an element with no text node of its own (the badge's words
 * come from CSS generated content, its name from aria-label), so text offsets,
 * selections, find and highlights, which walk text nodes, are unchanged. Hosts
 * are put back after every render of the surface.
 */
import { useEffect, useState } from 'react';
import type { TextSurface } from '../text/text-surface';

const HOST_CLASS = 'rt-badge-host';
const PREFIX = 'recommendation-';

export interface BadgeHost {
  /** `rec-N`, from the block id `recommendation-N`. */
  id: string;
  element: HTMLElement;
}

function attach(surface: TextSurface): BadgeHost[] {
  const hosts: BadgeHost[] = [];
  for (const block of surface.blockElements()) {
    const blockId = block.getAttribute('data-block-id') ?? '';
    if (!blockId.startsWith(PREFIX)) continue;
    let host = block.querySelector<HTMLElement>(`:scope > .${HOST_CLASS}`);
    if (!host) {
      host = document.createElement('span');
      host.className = HOST_CLASS;
      // A click on the badge is not a click on the text (which would open a highlight's card or clear the selection).
      host.addEventListener('click', (event) => event.preventDefault());
      block.insertBefore(host, block.firstChild);
    }
    hosts.push({ id: `rec-${blockId.slice(PREFIX.length)}`, element: host });
  }
  return hosts;
}

function same(a: readonly BadgeHost[], b: readonly BadgeHost[]): boolean {
  return a.length === b.length && a.every((host, i) => host.element === b[i]!.element);
}

export function useBadgeHosts(surface: TextSurface | null): BadgeHost[] {
  const [hosts, setHosts] = useState<BadgeHost[]>([]);
  useEffect(() => {
    if (!surface) return;
    const update = () => {
      const next = attach(surface);
      setHosts((previous) => (same(previous, next) ? previous : next));
    };
    update();
    return surface.onChange(update);
  }, [surface]);
  return hosts;
}
