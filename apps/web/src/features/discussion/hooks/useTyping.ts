/**
 * "Mei is typing…" for one thread, over the socket's ephemeral typing event: sends at most one
 * signal per two seconds while this person writes, and shows each other writer for four
 * seconds after their last signal. Nothing is stored; a lost signal just shortens the notice.
 */
import type { PresenceIdentity } from '@marginalia/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspaceSubscription } from '../../../lib/collab';
import { useSignedInUser } from '../../auth';

export const TYPING_SEND_INTERVAL_MS = 2_000;
export const TYPING_SHOWN_MS = 4_000;

export interface ThreadTyping {
  /** Others writing in the thread now, in the order they started. */
  typists: PresenceIdentity[];
  /** Call on every keystroke; sends are throttled here. */
  notifyTyping: () => void;
}

export function useThreadTyping(workspaceId: string, threadId: string | null): ThreadTyping {
  const subscription = useWorkspaceSubscription(workspaceId);
  const me = useSignedInUser();
  const [typists, setTypists] = useState<PresenceIdentity[]>([]);
  const lastSent = useRef(0);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (!subscription || threadId === null) return;
    const running = timers.current;
    const stop = subscription.onTyping((event) => {
      if (event.threadId !== threadId || event.user.id === me.id) return;
      const { user } = event;
      clearTimeout(running.get(user.id));
      running.set(
        user.id,
        setTimeout(() => {
          running.delete(user.id);
          setTypists((list) => list.filter((typist) => typist.id !== user.id));
        }, TYPING_SHOWN_MS),
      );
      setTypists((list) => (list.some((typist) => typist.id === user.id) ? list : [...list, user]));
    });
    return () => {
      stop();
      for (const timer of running.values()) clearTimeout(timer);
      running.clear();
      setTypists([]);
    };
  }, [subscription, threadId, me.id]);

  const notifyTyping = useCallback(() => {
    if (!subscription || threadId === null) return;
    const now = Date.now();
    if (now - lastSent.current < TYPING_SEND_INTERVAL_MS) return;
    lastSent.current = now;
    subscription.sendTyping(threadId);
  }, [subscription, threadId]);

  return { typists, notifyTyping };
}

/** "Mei is typing…", "Mei and Tomás are typing…", "3 people are typing…". */
export function describeTypists(typists: readonly PresenceIdentity[]): string | null {
  const [first, second] = typists;
  if (!first) return null;
  if (typists.length === 1) return `${first.name} is typing…`;
  if (typists.length === 2 && second) return `${first.name} and ${second.name} are typing…`;
  return `${String(typists.length)} people are typing…`;
}
