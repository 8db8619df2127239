/**
 * The bell in the header: how many mentions and replies are unread, and the inbox itself. The
 * count is live inside a workspace ('notifications.changed' naming this person refetches it).
 * Opening a notification marks it read and goes to its thread; "Mark all read" empties the count.
 */
import type { Notification } from '@marginalia/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { Button, cx } from '../../../ui';
import { discussionPath } from '../anchor-links';
import { BellIcon } from './Icons';
import { useMarkNotificationsRead, useNotifications } from '../hooks/useNotifications';

export function NotificationsBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unread = notifications.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [open]);

  function openNotification(notification: Notification) {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    setOpen(false);
    void navigate(discussionPath(notification.workspaceId, notification.threadId));
  }

  const label = unread > 0 ? `Notifications, ${String(unread)} unread` : 'Notifications';
  return (
    <div className="popover notifications" ref={rootRef}>
      <button ref={buttonRef} type="button" className="btn btn--ghost btn--sm notifications__bell" aria-label={label} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        <BellIcon />
        {unread > 0 && (
          <span className="unread-badge notifications__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id={panelId} className="popover__panel popover__panel--end notifications__panel" role="region" aria-label="Notifications" hidden={!open}>
        <div className="notifications__header">
          <h2 className="notifications__title">Notifications</h2>
          {unread > 0 && (
            <Button size="sm" variant="ghost" busy={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
              Mark all read
            </Button>
          )}
        </div>
        {notifications.data?.notifications.length === 0 && <p className="muted">Mentions of you and replies to your threads appear here.</p>}
        <ul className="notifications__list">
          {notifications.data?.notifications.map((notification) => (
            <li key={notification.id}>
              <button type="button" className={cx('notification', notification.readAt === null && 'notification--unread')} onClick={() => openNotification(notification)}>
                <span className="notification__what">
                  {notification.readAt === null && <span className="visually-hidden">Unread: </span>}
                  {notification.byName} {notification.kind === 'mention' ? 'mentioned you' : 'replied'} on “{shorten(notification.anchorLabel, 80)}”
                </span>
                <span className="notification__excerpt">{notification.excerpt}</span>
                <span className="notification__when">
                  {notification.workspaceName} · {formatDateTime(notification.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
