/** What each not-yet-built workspace area will hold, shown on its "coming soon" page. */
import type { ComingSoonPageProps } from '../features/workspaces';

export const UPCOMING_SECTIONS = {
  exports: {
    title: 'Exports',
    icon: '⇩',
    summary: 'Your work in open formats, for other tools and for publication.',
    plans: ['export annotations as W3C Web Annotations', 'exchange projects with other QDA software via REFI-QDA', 'download maps and codebooks as Markdown'],
  },
} as const satisfies Record<string, ComingSoonPageProps>;
