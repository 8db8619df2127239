/**
 * The account disclosure in every header: a button that opens a short list of links. It is a
 * disclosure rather than an ARIA menu because its items are ordinary links and one button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ConfirmDialog, useToast } from '../../../ui';
import { errorMessage } from '../../../lib/api-client';
import { useLogout } from '../hooks/useAuthMutations';
import { useSignedInUser } from '../hooks/useCurrentUser';
import { unsavedEditsWarning, useUnsavedEditsCheck } from '../hooks/useUnsavedEdits';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu() {
  const user = useSignedInUser();
  const logoutMutation = useLogout();
  const { showToast } = useToast();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const unsavedEdits = useUnsavedEditsCheck(user.id);
  /** Documents with unsaved edits, while the person is asked whether to discard them. */
  const [discarding, setDiscarding] = useState<number | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Following a link closes the menu (state adjusted while rendering, as React advises).
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [open]);

  async function handleLogout() {
    setOpen(false);
    const unsaved = await unsavedEdits();
    if (unsaved > 0) setDiscarding(unsaved);
    else logOut();
  }

  function logOut() {
    logoutMutation.mutate(undefined, {
      onError: (error) => {
        showToast(`Could not log out: ${errorMessage(error)}`, 'danger');
      },
    });
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account menu for ${user.displayName}`}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu__name" aria-hidden="true">
          {user.displayName}
        </span>
        <span className="user-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <div className="user-menu__panel" id={panelId} hidden={!open}>
        <p className="user-menu__identity">
          <span className="user-menu__identity-name">{user.displayName}</span>
          <span className="user-menu__identity-email">{user.email}</span>
        </p>
        <ul className="user-menu__list">
          <li>
            <Link to="/workspaces">Your workspaces</Link>
          </li>
          <li>
            <Link to="/account">Account settings</Link>
          </li>
          {user.isInstanceAdmin && (
            <li>
              <Link to="/admin/users">Administration</Link>
            </li>
          )}
          <li>
            <button type="button" className="user-menu__logout" onClick={() => void handleLogout()} disabled={logoutMutation.isPending}>
              Log out
            </button>
          </li>
        </ul>
      </div>
      <ConfirmDialog
        open={discarding !== null}
        onClose={() => {
          setDiscarding(null);
        }}
        onConfirm={logOut}
        title="Log out and lose unsaved edits?"
        description={
          <>
            {unsavedEditsWarning(discarding ?? 0)} To keep them, stay signed in and open {discarding === 1 ? 'it' : 'them'} again while online; they are then
            saved.
          </>
        }
        confirmLabel="Log out and discard"
        cancelLabel="Stay signed in"
        destructive
        busy={logoutMutation.isPending}
      />
    </div>
  );
}
