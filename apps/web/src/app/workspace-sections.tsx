/** What each not-yet-built workspace area will hold, shown on its "coming soon" page. */
import type { ComingSoonPageProps } from '../features/workspaces';

export const UPCOMING_SECTIONS = {
  maps: {
    title: 'Maps',
    icon: '⌖',
    summary: 'Argument maps built from coded passages.',
    plans: ['draw claims, evidence and objections as a graph', 'link each node to the passages it rests on', 'edit a map together in real time'],
  },
  exports: {
    title: 'Exports',
    icon: '⇩',
    summary: 'Your work in open formats, for other tools and for publication.',
    plans: ['export annotations as W3C Web Annotations', 'exchange projects with other QDA software via REFI-QDA', 'download maps and codebooks as Markdown'],
  },
} as const satisfies Record<string, ComingSoonPageProps>;
