// Reading a pasted list of people to invite: separators, per-line roles, and why a line is skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBulkInvite } from '../dist/index.js';

test('lines, commas and semicolons separate entries; a role after the email wins over the default', () => {
  const entries = parseBulkInvite('ada@example.org editor\nBob@Example.org, carol@example.org viewer; Dan <dan@example.org> admin\n\n', 'commenter');
  assert.deepEqual(
    entries.map((entry) => [entry.email, entry.role, entry.error]),
    [
      ['ada@example.org', 'editor', null],
      ['bob@example.org', 'commenter', null],
      ['carol@example.org', 'viewer', null],
      ['dan@example.org', 'admin', null],
    ],
  );
});

test('bad lines say why, and the first of two equal emails counts', () => {
  const entries = parseBulkInvite('not-an-email\nada@example.org boss\nada@example.org\nada@example.org editor\nbob@example.org editor please', 'viewer');
  assert.deepEqual(
    entries.map((entry) => [entry.line, entry.error]),
    [
      [1, 'not a valid email address'],
      [2, 'unknown role "boss" (one of owner, admin, editor, commenter, viewer)'],
      [3, null],
      [4, 'listed twice; the first one counts'],
      [5, 'unexpected text after the role'],
    ],
  );
});
