/**
 * The messages Marginalia sends, as plain text and simple HTML. Pure functions: every value that
 * comes from a person (names, workspace names, comment text, addresses) is escaped in the HTML,
 * and links are only ever ones we built from our own base URL.
 */
import type { EmailKind } from '@marginalia/shared';

export interface RenderedEmail {
  kind: EmailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Subjects are one line: no header injection through a workspace or display name. */
function oneLine(value: string, max = 120): string {
  const line = value.replace(/[\r\n\t]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function layout(paragraphs: string[], action: { label: string; url: string } | null, footer: string): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#2f5d8a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>\n<p style="font-size:12px;color:#555">Or open this address: ${escapeHtml(action.url)}</p>`
    : '';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d1d1f;max-width:560px">\n${body}\n${button}\n<p style="font-size:12px;color:#555">${escapeHtml(footer)}</p>\n</body></html>`;
}

export function inviteEmail(input: { to: string; workspaceName: string; inviterName: string | null; role: string; url: string; expiresAt: Date }): RenderedEmail {
  const who = input.inviterName ?? 'Someone';
  return {
    kind: 'invite',
    to: input.to,
    subject: oneLine(`${who} invited you to ${input.workspaceName} on Marginalia`),
    text: `${who} invited you to join the workspace "${input.workspaceName}" on Marginalia as ${input.role}.\n\nOpen this link to accept (it works once, until ${input.expiresAt.toUTCString()}):\n${input.url}\n\nIf you did not expect this, ignore this email.\n`,
    html: layout(
      [`${escapeHtml(who)} invited you to join the workspace <strong>${escapeHtml(input.workspaceName)}</strong> on Marginalia as ${escapeHtml(input.role)}.`, `The link works once, until ${escapeHtml(input.expiresAt.toUTCString())}.`],
      { label: 'Accept the invitation', url: input.url },
      'If you did not expect this, ignore this email.',
    ),
  };
}

export function instanceInviteEmail(input: { to: string; inviterName: string | null; url: string; expiresAt: Date }): RenderedEmail {
  const who = input.inviterName ?? 'An administrator';
  return {
    kind: 'instanceInvite',
    to: input.to,
    subject: oneLine(`${who} invited you to Marginalia`),
    text: `${who} invited you to create an account on this Marginalia instance.\n\nRegister with this address through this link (it works once, until ${input.expiresAt.toUTCString()}):\n${input.url}\n\nIf you did not expect this, ignore this email.\n`,
    html: layout(
      [`${escapeHtml(who)} invited you to create an account on this Marginalia instance.`, `Register with this address; the link works once, until ${escapeHtml(input.expiresAt.toUTCString())}.`],
      { label: 'Create your account', url: input.url },
      'If you did not expect this, ignore this email.',
    ),
  };
}

export function passwordResetEmail(input: { to: string; url: string; expiresAt: Date }): RenderedEmail {
  return {
    kind: 'passwordReset',
    to: input.to,
    subject: 'Reset your Marginalia password',
    text: `Someone (hopefully you) asked to reset the password of your Marginalia account.\n\nSet a new password through this link (it works once, until ${input.expiresAt.toUTCString()}):\n${input.url}\n\nSetting a new password signs you out everywhere else. If you did not ask, ignore this email: your password stays as it is.\n`,
    html: layout(
      ['Someone (hopefully you) asked to reset the password of your Marginalia account.', `The link works once, until ${escapeHtml(input.expiresAt.toUTCString())}. Setting a new password signs you out everywhere else.`],
      { label: 'Set a new password', url: input.url },
      'If you did not ask, ignore this email: your password stays as it is.',
    ),
  };
}

export function verifyEmailEmail(input: { to: string; url: string; workspaceName: string | null }): RenderedEmail {
  const joining = input.workspaceName ? ` and join "${input.workspaceName}"` : '';
  return {
    kind: 'verifyEmail',
    to: input.to,
    subject: 'Confirm your email address for Marginalia',
    text: `Confirm that this address is yours${joining} by opening this link:\n${input.url}\n\nIf you did not register on Marginalia, ignore this email.\n`,
    html: layout(
      [`Confirm that this address is yours${input.workspaceName ? ` and join <strong>${escapeHtml(input.workspaceName)}</strong>` : ''}.`],
      { label: 'Confirm my address', url: input.url },
      'If you did not register on Marginalia, ignore this email.',
    ),
  };
}

export interface MentionItem {
  byName: string;
  workspaceName: string;
  anchorLabel: string;
  excerpt: string;
  url: string;
}

export function mentionEmail(input: { to: string; mentions: MentionItem[]; digest: boolean }): RenderedEmail {
  const first = input.mentions[0]!;
  const subject = input.digest
    ? `Your Marginalia mentions of the day (${input.mentions.length})`
    : input.mentions.length === 1
      ? oneLine(`${first.byName} mentioned you in ${first.workspaceName}`)
      : `You were mentioned ${input.mentions.length} times on Marginalia`;
  const textItems = input.mentions.map((item) => `${item.byName} in ${item.workspaceName}, on "${item.anchorLabel}":\n  ${item.excerpt}\n  ${item.url}`).join('\n\n');
  const htmlItems = input.mentions
    .map(
      (item) =>
        `<strong>${escapeHtml(item.byName)}</strong> in ${escapeHtml(item.workspaceName)}, on “${escapeHtml(item.anchorLabel)}”:<br><span style="color:#333">${escapeHtml(item.excerpt)}</span><br><a href="${escapeHtml(item.url)}">Open the thread</a>`,
    );
  const footer = 'You get these because of your mention email setting; change it in your account settings.';
  return { kind: input.digest ? 'mentionDigest' : 'mention', to: input.to, subject, text: `${textItems}\n\n${footer}\n`, html: layout(htmlItems, null, footer) };
}

export function testEmail(input: { to: string; baseUrl: string }): RenderedEmail {
  return {
    kind: 'test',
    to: input.to,
    subject: 'Marginalia test email',
    text: `This is a test email from the Marginalia instance at ${input.baseUrl}. If you can read it, email works.\n`,
    html: layout([`This is a test email from the Marginalia instance at ${escapeHtml(input.baseUrl)}. If you can read it, email works.`], null, 'Sent by an instance administrator from the admin area.'),
  };
}
