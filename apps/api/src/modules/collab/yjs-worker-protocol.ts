/** Messages between the main thread and a Yjs sandbox worker (see yjs-sandbox.ts). */
export type SandboxRequest =
  | { id: number; op: 'load'; doc: string; state: Uint8Array }
  | { id: number; op: 'apply'; doc: string; update: Uint8Array }
  | { id: number; op: 'drop'; doc: string }
  | { id: number; op: 'merge'; updates: Uint8Array[] };

export type SandboxReply =
  | { id: number; ok: true; state?: Uint8Array }
  | { id: number; ok: false; message: string };
