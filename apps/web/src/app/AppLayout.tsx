/** The frame around screens outside a workspace: /workspaces, /account, /admin. */
import { Link, NavLink, Outlet } from 'react-router';
import { UserMenu, useSignedInUser } from '../features/auth';
import { NotificationsBell } from '../features/discussion';

export function AppLayout() {
  const user = useSignedInUser();
  return (
    <div className="app-frame">
      <header className="app-header">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Link to="/workspaces" className="brand">
          <span className="brand__mark" aria-hidden="true">
            M
          </span>
          <span className="brand__name">Marginalia</span>
        </Link>
        <nav className="app-header__nav" aria-label="Main">
          <NavLink to="/workspaces" className="app-header__nav-link">
            Workspaces
          </NavLink>
          {user.isInstanceAdmin && (
            <NavLink to="/admin" className="app-header__nav-link">
              Administration
            </NavLink>
          )}
        </nav>
        <NotificationsBell />
        <UserMenu />
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
