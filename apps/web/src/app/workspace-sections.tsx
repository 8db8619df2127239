/** What each not-yet-built workspace area will hold, shown on its "coming soon" page. */
import type { ComingSoonPageProps } from '../features/workspaces';

export const UPCOMING_SECTIONS = {
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
