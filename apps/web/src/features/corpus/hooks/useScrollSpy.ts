/**
 * Which passage is being read: the first one visible below the sticky header. Drives the
 * outline's highlight and where j/k start from when no passage has focus.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useScrollSpy(containerRef: RefObject<HTMLElement | null>, passageCount: number): number {
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || passageCount === 0) return;
    const visible = new Set<number>();
    // The band starts a little below the sticky header, where a scrolled-to passage lands.
    const header = (document.querySelector('.app-header')?.getBoundingClientRect().height ?? 56) + 24;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.passage);
          if (entry.isIntersecting) visible.add(index);
          else visible.delete(index);
        }
        if (visible.size > 0) setCurrent(Math.min(...visible));
      },
      // The band from just under the header to 40% down the viewport is "being read".
      { rootMargin: `-${String(Math.round(header))}px 0px -60% 0px` },
    );
    for (const element of container.querySelectorAll<HTMLElement>('[data-passage]')) observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [containerRef, passageCount]);

  return current;
}
