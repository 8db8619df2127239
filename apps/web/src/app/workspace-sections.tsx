/** What each not-yet-built workspace area will hold, shown on its "coming soon" page. */
import type { ComingSoonPageProps } from '../features/workspaces';

export const UPCOMING_SECTIONS = {
  codebook: {
    title: 'Codebook',
    icon: '⌘',
    summary: 'The shared set of codes your team applies to passages.',
    plans: ['define codes with names, colours and definitions', 'group codes into a hierarchy', 'see how often each code was applied, and by whom'],
  },
  maps: {
    title: 'Maps',
    icon: '⌖',
    summary: 'Argument maps built from coded passages.',
    plans: ['draw claims, evidence and objections as a graph', 'link each node to the passages it rests on', 'edit a map together in real time'],
  },
  discussion: {
    title: 'Discussion',
    icon: '✎',
    summary: 'Threads about passages, codes and maps.',
    plans: ['comment on a passage or an annotation', 'resolve threads when the team agrees', 'follow what changed since your last visit'],
  },
  exports: {
    title: 'Exports',
    icon: '⇩',
    summary: 'Your work in open formats, for other tools and for publication.',
    plans: ['export annotations as W3C Web Annotations', 'exchange projects with other QDA software via REFI-QDA', 'download maps and codebooks as Markdown'],
  },
} as const satisfies Record<string, ComingSoonPageProps>;
