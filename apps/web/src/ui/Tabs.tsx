/**
 * Tabs following the ARIA pattern: arrow keys move between tabs, Tab moves into the panel.
 * Panels stay mounted (hidden) so their scroll position and inputs survive switching.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './cx';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  panel: ReactNode;
}

export interface TabsProps<K extends string> {
  label: string;
  items: ReadonlyArray<TabItem<K>>;
  selected: K;
  onSelect: (key: K) => void;
  className?: string;
}

export function Tabs<K extends string>({ label, items, selected, onSelect, className }: TabsProps<K>) {
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = items.findIndex((item) => item.key === selected);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    const item = items[next];
    if (!item) return;
    onSelect(item.key);
    listRef.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${baseId}-tab-${item.key}`)}`)?.focus();
  }

  return (
    <div className={cx('tabs', className)}>
      <div className="tabs__list" role="tablist" aria-label={label} ref={listRef}>
        {items.map((item) => (
          <button
            key={item.key}
            type="button"
            role="tab"
            id={`${baseId}-tab-${item.key}`}
            className="tabs__tab"
            aria-selected={item.key === selected}
            aria-controls={`${baseId}-panel-${item.key}`}
            tabIndex={item.key === selected ? 0 : -1}
            onKeyDown={handleKeyDown}
            onClick={() => {
              onSelect(item.key);
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) => (
        <div
          key={item.key}
          role="tabpanel"
          id={`${baseId}-panel-${item.key}`}
          className="tabs__panel"
          aria-labelledby={`${baseId}-tab-${item.key}`}
          hidden={item.key !== selected}
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
