/** What an extractor returns: raw text (normalised later, once, by the document writer) and metadata. */
export interface ExtractedDocument {
  text: string;
  /** From the format's own metadata (<title>, PDF info, DOCX core properties); null if none. */
  title: string | null;
  author?: string | null;
  /** YYYY-MM-DD. */
  publishedOn?: string | null;
  url?: string | null;
  language?: string | null;
  /** Outlet or site name. */
  source?: string | null;
}
