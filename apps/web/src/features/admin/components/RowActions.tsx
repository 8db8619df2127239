/**
 * A row's "Actions" menu (React Aria Menu: arrow keys, type-ahead, Escape); choosing an item
 * calls onAction with its id.
 */
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';

export interface RowAction {
  id: string;
  label: string;
  danger?: boolean;
}

export function RowActions({ label, actions, onAction }: { label: string; actions: readonly RowAction[]; onAction: (id: string) => void }) {
  return (
    <MenuTrigger>
      <AriaButton className="btn btn--secondary btn--sm" aria-label={label}>
        Actions <span aria-hidden="true">▾</span>
      </AriaButton>
      <Popover className="admin-menu" placement="bottom end">
        <Menu aria-label={label} autoFocus="first" className="admin-menu__list" onAction={(key) => onAction(String(key))}>
          {actions.map((action) => (
            <MenuItem key={action.id} id={action.id} className={action.danger ? 'admin-menu__item admin-menu__item--danger' : 'admin-menu__item'}>
              {action.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
