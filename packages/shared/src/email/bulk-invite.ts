/**
 * Parsing a pasted list of people to invite. Pure, so the form can show problems as you type and
 * the API applies exactly the same reading. Entries are separated by line breaks, commas or
 * semicolons; an entry is an email, optionally followed by a role (`ada@example.org editor`).
 * `Name <ada@example.org>` is read as the address inside the brackets.
 */
import { EmailSchema } from '../schemas/common.js';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../roles.js';

export interface BulkInviteEntry {
  /** 1-based position of the entry in the list (not counting blank ones). */
  line: number;
  input: string;
  email: string | null;
  role: WorkspaceRole | null;
  error: string | null;
}

export function parseBulkInvite(text: string, defaultRole: WorkspaceRole): BulkInviteEntry[] {
  const entries = text
    .split(/[\n,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const seen = new Set<string>();
  return entries.map((input, index) => {
    const line = index + 1;
    const bracketed = /<([^>]+)>/.exec(input);
    const words = (bracketed ? `${bracketed[1]} ${input.slice(bracketed.index + bracketed[0].length)}` : input).trim().split(/\s+/);
    const [address = '', roleWord, ...rest] = words;
    const parsed = EmailSchema.safeParse(address);
    if (!parsed.success) return { line, input, email: null, role: null, error: 'not a valid email address' };
    const email = parsed.data;
    let role: WorkspaceRole = defaultRole;
    if (roleWord !== undefined) {
      const lowered = roleWord.toLowerCase();
      if (!(WORKSPACE_ROLES as readonly string[]).includes(lowered)) return { line, input, email, role: null, error: `unknown role "${roleWord}" (one of ${WORKSPACE_ROLES.join(', ')})` };
      role = lowered as WorkspaceRole;
    }
    if (rest.length > 0) return { line, input, email, role, error: 'unexpected text after the role' };
    if (seen.has(email)) return { line, input, email, role, error: 'listed twice; the first one counts' };
    seen.add(email);
    return { line, input, email, role, error: null };
  });
}
