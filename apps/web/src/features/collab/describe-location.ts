/**
 * Turns the location someone reported (a path inside the app) into words and a link for the
 * presence list. Locations come from other people's browsers: anything unexpected is ignored.
 */
import { WORKSPACE_SECTIONS } from '../workspaces';

export interface DescribedLocation {
  label: string;
  href: string;
  /** Set when the person is reading a document, so its title can be shown. */
  documentId: string | null;
}

export function describeLocation(location: string | null, workspaceId: string): DescribedLocation | null {
  const prefix = `/w/${workspaceId}/`;
  if (location === null || !location.startsWith(prefix)) return null;
  const [section = '', detail] = location.slice(prefix.length).split('/');
  const href = `${prefix}${section}${detail === undefined ? '' : `/${detail}`}`;
  if (section === 'corpus' && detail === 'import') return { label: 'Importing documents', href, documentId: null };
  if (section === 'corpus' && detail) return { label: 'Reading a document', href, documentId: safeDecode(detail) };
  const known = WORKSPACE_SECTIONS.find((candidate) => candidate.path === section);
  return known ? { label: known.label, href, documentId: null } : null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Up to two initials, for the round badge beside a name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}
