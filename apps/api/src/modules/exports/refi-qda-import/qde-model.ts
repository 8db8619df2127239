/**
 * What the REFI-QDA readers take out of a project.qde or a .qdc: plain data (it crosses from
 * the read worker to the main thread by structured clone), GUIDs as the file spells them,
 * positions as the file gives them (characters, i.e. code points, end exclusive).
 */

export interface QdeCode {
  guid: string;
  name: string;
  color: string | undefined;
  description: string;
  parentGuid: string | null;
  noteRefs: string[];
}

export interface QdeSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  description: string;
  codeRefs: string[];
  noteRefs: string[];
}

export interface QdeTextSource {
  guid: string;
  name: string;
  /** Inline text (PlainTextContent), when the file has it rather than a path. */
  content: string | null;
  plainTextPath: string | null;
  richTextPath: string | null;
  creationDateTime: string | null;
  selections: QdeSelection[];
  /** Codings of the whole source (not of a selection). */
  sourceCodeRefs: string[];
  noteRefs: string[];
  /** Variable GUID -> value, as text. */
  variables: [string, string][];
}

export interface QdeNote {
  guid: string;
  name: string;
  content: string | null;
  plainTextPath: string | null;
}

/** A node of a graph (a REFI network): where it is drawn, its shape, what it stands for. */
export interface QdeVertex {
  guid: string;
  name: string;
  x: number;
  y: number;
  shape: string | null;
  /** A selection, code, source or note it represents. */
  representedGuid: string | null;
}

export interface QdeEdge {
  guid: string;
  name: string;
  sourceGuid: string;
  targetGuid: string;
  lineStyle: string | null;
}

export interface QdeGraph {
  guid: string;
  name: string;
  vertices: QdeVertex[];
  edges: QdeEdge[];
}

/** Something in the file that has no place in Marginalia, for the import report. */
export interface QdeSkipped {
  kind: string;
  name: string;
  reason: string;
}

export interface QdeProject {
  name: string;
  description: string;
  origin: string;
  codes: QdeCode[];
  /** Variable GUID -> name. */
  variables: [string, string][];
  sources: QdeTextSource[];
  notes: QdeNote[];
  projectNoteRefs: string[];
  graphs: QdeGraph[];
  skipped: QdeSkipped[];
}
