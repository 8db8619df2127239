/** The centred card around the login and registration forms. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth-layout">
      <header className="auth-layout__brand">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            M
          </span>
          <span className="brand__name">Marginalia</span>
        </Link>
      </header>
      <main className="auth-layout__card" id="main">
        <h1 className="auth-layout__title">{title}</h1>
        {intro !== undefined && <div className="auth-layout__intro">{intro}</div>}
        {children}
      </main>
    </div>
  );
}
