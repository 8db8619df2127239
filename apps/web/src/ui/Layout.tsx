/** Page and section scaffolding: one h1 per page, sections labelled by their h2. */
import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title">{title}</h1>
        {description !== undefined && <div className="page-header__description">{description}</div>}
      </div>
      {actions !== undefined && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}

export interface SectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  tone?: 'default' | 'danger';
  children: ReactNode;
}

export function Section({ title, description, actions, tone = 'default', children }: SectionProps) {
  const headingId = useId();
  return (
    <section className={cx('section', tone === 'danger' && 'section--danger')} aria-labelledby={headingId}>
      <div className="section__header">
        <div>
          <h2 className="section__title" id={headingId}>
            {title}
          </h2>
          {description !== undefined && <div className="section__description">{description}</div>}
        </div>
        {actions !== undefined && <div className="section__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'accent' | 'warning' | 'danger' | 'success' }) {
  return <span className={cx('badge', `badge--${tone}`)}>{children}</span>;
}
