import { describe, expect, it } from '@jest/globals';
import { allowedBrowserOrigins, isCrossSite } from './cross-site.js';

describe('isCrossSite', () => {
  const allowed = allowedBrowserOrigins({ PUBLIC_URL: 'https://notes.example.org/', COLLAB_ALLOWED_ORIGINS: 'http://localhost:5173' });
  const host = 'api.internal:3000';

  it.each([
    [{ origin: 'https://notes.example.org', secFetchSite: 'cross-site', host }, false],
    [{ origin: 'http://localhost:5173', secFetchSite: 'same-site', host }, false],
    [{ origin: 'http://api.internal:3000', secFetchSite: 'same-origin', host }, false],
    [{ origin: 'http://api.internal:3000', host }, false],
    [{ secFetchSite: 'none', host }, false],
    [{ host }, false],
    [{ origin: 'https://evil.example', secFetchSite: 'cross-site', host }, true],
    [{ origin: 'https://evil.notes.example.org', secFetchSite: 'same-site', host }, true],
    [{ origin: 'https://evil.example', host }, true],
    [{ origin: 'null', host }, true],
    [{ secFetchSite: 'cross-site', host }, true],
  ])('%j -> %s', (source, expected) => {
    expect(isCrossSite(source, allowed)).toBe(expected);
  });
});
