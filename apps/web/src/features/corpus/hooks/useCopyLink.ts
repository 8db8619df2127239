/**
 * Copying a link to the clipboard, with a toast either way. Outside secure contexts (plain
 * http on a LAN address) the Clipboard API is missing, so the old copy command is tried.
 */
import { useCallback } from 'react';
import { absoluteUrl } from '../../../lib/reader-links';
import { useToast } from '../../../ui';

function legacyCopy(text: string): boolean {
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  document.body.append(textarea);
  textarea.select();
  try {
    // Deprecated, but the only way to copy without the Clipboard API.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    textarea.remove();
  }
}

export function useCopyLink() {
  const { showToast } = useToast();
  return useCallback(
    async (path: string, what: string) => {
      const url = absoluteUrl(path);
      let copied: boolean;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        copied = legacyCopy(url);
      }
      if (copied) showToast(`Link to ${what} copied.`);
      else showToast(`Copying is not available here. The link is ${url}`, 'info');
    },
    [showToast],
  );
}
