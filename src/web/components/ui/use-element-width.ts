import { type RefObject, useEffect, useState } from 'react';

/**
 * The element's content width, kept current as the layout changes, so an SVG chart draws at its real size
 * (crisp lines and labels at every width instead of a scaled drawing).
 *
 * @example
 * const frame = useRef<HTMLDivElement>(null);
 * const width = useElementWidth(frame);
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
