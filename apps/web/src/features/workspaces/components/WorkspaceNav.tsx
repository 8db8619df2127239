/** The side navigation of a workspace (and whatever the shell puts under it); a scrolling strip on narrow screens. */
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

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

export function WorkspaceNav({ workspaceId, children }: { workspaceId: string; children?: ReactNode }) {
  return (
    <div className="workspace-nav">
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
