/**
 * The side navigation of a workspace (and whatever the shell puts under it); a scrolling strip
 * on narrow screens, faded at the edge where more sections are hidden, with the current section
 * scrolled into view.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';

export const WORKSPACE_SECTIONS = [
  { path: 'corpus', label: 'Corpus' },
  { path: 'search', label: 'Search' },
  { path: 'actors', label: 'Actors' },
  { path: 'notebook', label: 'Notebook' },
  { path: 'codebook', label: 'Codebook' },
  { path: 'maps', label: 'Maps' },
  { path: 'discussion', label: 'Discussion' },
  { path: 'exports', label: 'Exports' },
  { path: 'members', label: 'Members' },
  { path: 'settings', label: 'Settings' },
] as const;

/** Marks the strip with data-more-start / data-more-end while sections are hidden that way. */
function useOverflowHint(ref: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const strip = ref.current;
    if (!strip) return;
    const update = () => {
      const more = strip.scrollWidth - strip.clientWidth;
      strip.toggleAttribute('data-more-start', more > 1 && strip.scrollLeft > 1);
      strip.toggleAttribute('data-more-end', more > 1 && strip.scrollLeft < more - 1);
    };
    update();
    strip.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(strip);
    return () => {
      strip.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [ref]);
}

export function WorkspaceNav({ workspaceId, children }: { workspaceId: string; children?: ReactNode }) {
  const stripRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useOverflowHint(stripRef);

  // On a phone the strip scrolls sideways: keep the current section in sight.
  useEffect(() => {
    const strip = stripRef.current;
    const active = strip?.querySelector<HTMLElement>('.workspace-nav__link--active');
    if (!strip || !active || strip.scrollWidth <= strip.clientWidth) return;
    strip.scrollLeft = active.offsetLeft - (strip.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);

  return (
    <div className="workspace-nav" ref={stripRef}>
      <div className="workspace-nav__inner">
        <nav aria-label="Workspace">
          <ul className="workspace-nav__list">
            {WORKSPACE_SECTIONS.map((section) => (
              <li key={section.path}>
                <NavLink
                  to={`/w/${workspaceId}/${section.path}`}
                  className={({ isActive }) => (isActive ? 'workspace-nav__link workspace-nav__link--active' : 'workspace-nav__link')}
                >
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </div>
  );
}
