/** "Mei is typing…" under a thread, announced politely to screen readers. */
import type { PresenceIdentity } from '@marginalia/shared';
import { describeTypists } from '../hooks/useTyping';

export function TypingIndicator({ typists }: { typists: readonly PresenceIdentity[] }) {
  const text = describeTypists(typists);
  return (
    <p className="typing-indicator" aria-live="polite">
      {text}
    </p>
  );
}
