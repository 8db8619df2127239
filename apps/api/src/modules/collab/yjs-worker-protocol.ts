/** Messages between the main thread and a Yjs sandbox worker (see yjs-sandbox.ts). */
export interface UntrustedUpdate {
  doc: string;
  update: Uint8Array;
}

export type SandboxRequest =
  | { id: number; op: 'load'; doc: string; state: Uint8Array }
  | { id: number; op: 'apply'; items: UntrustedUpdate[] }
  | { id: number; op: 'drop'; doc: string }
  | { id: number; op: 'merge'; updates: Uint8Array[] };

/**
 * Per item of an `apply`: applied, refused with a reason, or not tried because an earlier
 * item of the same document failed and left its mirror unusable (the caller retries it).
 */
export type ApplyOutcome = { ok: true } | { ok: false; message: string } | { ok: false; retry: true };

export type SandboxReply =
  | { id: number; ok: true; state?: Uint8Array; outcomes?: ApplyOutcome[] }
  | { id: number; ok: false; message: string };
