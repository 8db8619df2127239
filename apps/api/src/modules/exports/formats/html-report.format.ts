/**
 * The Markdown report as one self-contained HTML file (inline styles, no scripts, no external
 * resources) for people who do not read Markdown. The Markdown already escapes people's text;
 * marked's renderer additionally drops any raw HTML token, so nothing from the workspace can
 * become markup. Mermaid blocks stay as readable source. Streamed: the report's pieces end
 * between Markdown blocks, so each group of them is rendered on its own and written out.
 */
import { Marked } from 'marked';
import type { ExportFormat } from '../export-format.js';
import { inChunks } from './chunks.js';
import { markdownReportBlocks, REPORT_SECTIONS } from './markdown-report.format.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({ gfm: true, async: false });
marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });

const STYLE = `body{font:16px/1.55 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
th{background:#f3f3f5}blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid #8a8aa0;color:#333}pre{background:#f6f6f8;padding:1rem;overflow-x:auto}`;

/** Renders Markdown pieces that each end between blocks into one HTML page, a group of pieces at a time. */
export function* htmlReport(markdownPieces: Iterable<string>, title: string, language = 'en'): Generator<string> {
  yield `<!doctype html>\n<html lang="${escapeHtml(language)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n`;
  for (const markdown of inChunks(markdownPieces)) yield marked.parse(markdown) as string;
  yield `</main>\n</body>\n</html>\n`;
}

export const htmlReportExportFormat: ExportFormat = {
  id: 'html',
  label: 'Report (HTML)',
  description: 'The Markdown report as one self-contained web page.',
  mediaType: 'text/html; charset=utf-8',
  extension: 'html',
  options: [{ name: 'sections', label: 'Sections', kind: 'choices', choices: REPORT_SECTIONS }],
  serialize: (snapshot, options) => htmlReport(markdownReportBlocks(snapshot, options), snapshot.workspace.name),
};
