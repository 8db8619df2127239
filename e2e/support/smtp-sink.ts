/**
 * A real SMTP server for browser tests (smtp-server on a random loopback port) that keeps what it
 * receives, parsed by mailparser. A copy of apps/api/test/smtp-sink.ts: packages do not import
 * each other's test code.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedEmail[];
  /** The next `count` messages to this address are refused with a 451 (a temporary failure). */
  refuseNext(count: number, to: string): void;
  /** Resolves with the first received message (already there, or arriving) that matches. */
  waitFor(predicate: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  refusedCount(): number;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => entry.value.map((address) => (address.address ?? '').toLowerCase()));
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  const toRefuse = new Map<string, number>();
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const recipient = session.envelope.rcptTo.map((address) => address.address.toLowerCase()).find((address) => (toRefuse.get(address) ?? 0) > 0);
      if (recipient) {
        toRefuse.set(recipient, toRefuse.get(recipient)! - 1);
        refused += 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({ to: addresses(parsed.to), from: addresses(parsed.from)[0] ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '' });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address !== 'object') throw new Error('smtp sink did not bind');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    refuseNext: (count, to) => {
      toRefuse.set(to.toLowerCase(), count);
    },
    refusedCount: () => refused,
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching email within ${timeoutMs} ms; received: ${JSON.stringify(received.map((email) => [email.to, email.subject]))}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in an email's text that starts with this prefix. */
export function linkIn(email: ReceivedEmail, prefix: string): string {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"<>]+`).exec(email.text);
  if (!match) throw new Error(`no link starting ${prefix} in: ${email.text}`);
  return match[0];
}
