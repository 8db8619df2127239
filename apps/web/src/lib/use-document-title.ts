/** Each screen names itself in the tab title, which screen readers announce on navigation. */
import { useEffect } from 'react';

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Marginalia` : 'Marginalia';
  }, [title]);
}
