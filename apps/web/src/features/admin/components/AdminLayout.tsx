/**
 * /admin/*: the administration area's own navigation (users, workspaces, settings, audit log,
 * health) around its pages. Only instance admins see the pages; the API checks it again.
 */
import { NavLink, Outlet } from 'react-router';
import { ButtonLink, EmptyState } from '../../../ui';
import { useSignedInUser } from '../../auth';

const SECTIONS = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/workspaces', label: 'Workspaces' },
  { to: '/admin/settings', label: 'Settings' },
  { to: '/admin/email', label: 'Email' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/health', label: 'Health' },
] as const;

export function AdminLayout() {
  const me = useSignedInUser();
  if (!me.isInstanceAdmin) {
    return (
      <div className="page page--narrow">
        <EmptyState title="Administrators only" action={<ButtonLink to="/workspaces">Back to your workspaces</ButtonLink>}>
          <p>This page is for the administrators of this Marginalia server.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="admin-area">
      <nav className="admin-nav" aria-label="Administration">
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={section.to} className="admin-nav__link">
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
