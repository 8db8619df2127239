/**
 * Messages inside the page. Errors use role="alert" so they are read out as soon as they
 * appear; other notices are plain status regions.
 */
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/api-client';
import { cx } from './cx';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  className?: string;
}

export function Alert({ tone = 'info', title, children, className }: AlertProps) {
  return (
    <div className={cx('alert', `alert--${tone}`, className)} role={tone === 'danger' ? 'alert' : 'status'}>
      {title !== undefined && <p className="alert__title">{title}</p>}
      {children !== undefined && <div className="alert__body">{children}</div>}
    </div>
  );
}

/**
 * The error of a form submission. It is always rendered (empty when there is nothing to say)
 * because a live region that is added together with its text is not reliably announced.
 */
export function FormError({ error, className }: { error: unknown; className?: string }) {
  return (
    <div className={cx('form-error', className)} role="alert">
      {error !== null && error !== undefined && <p className="alert alert--danger">{errorMessage(error)}</p>}
    </div>
  );
}
