/**
 * Measures how the reader lays out a passage (text column width, line height, font, the row's
 * height beyond its text, where a passage lands under the sticky header) from a hidden probe
 * row rendered with the real classes, before the first paint and again when the width changes.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { PassageBox } from '../passage-sizing';

export interface ReaderBox extends PassageBox {
  /** Where a passage's top lands in the window when scrolled to: its scroll-margin-top, px. */
  readingTop: number;
}

function sameBox(a: ReaderBox | null, b: ReaderBox): boolean {
  return a !== null && a.columnWidth === b.columnWidth && a.lineHeight === b.lineHeight && a.font === b.font && a.chrome === b.chrome && a.readingTop === b.readingTop;
}

export function usePassageBox(probeRef: RefObject<HTMLDivElement | null>): ReaderBox | null {
  const [box, setBox] = useState<ReaderBox | null>(null);

  useLayoutEffect(() => {
    const probe = probeRef.current;
    if (!probe) return;
    const measure = () => {
      const passage = probe.querySelector<HTMLElement>('.passage');
      const text = probe.querySelector<HTMLElement>('.passage__text');
      if (!passage || !text) return;
      const style = getComputedStyle(text);
      const lineHeight = parseFloat(style.lineHeight);
      const next: ReaderBox = {
        columnWidth: text.getBoundingClientRect().width,
        lineHeight,
        font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
        chrome: probe.getBoundingClientRect().height - text.getBoundingClientRect().height,
        readingTop: parseFloat(getComputedStyle(passage).scrollMarginTop) || 0,
      };
      setBox((current) => (sameBox(current, next) ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(probe);
    return () => {
      observer.disconnect();
    };
  }, [probeRef]);

  return box;
}
