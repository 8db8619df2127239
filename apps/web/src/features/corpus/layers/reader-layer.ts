/**
 * Reader layers: how features put things on the reader without the reader knowing them. A layer
 * (attributions, tags, later comments and map links) is a hook that, given the document being
 * read, returns highlights to paint, items for the margin beside the passage where each starts,
 * actions offered for selected text, controls shown above the text (its filter), and anything it
 * renders once (its dialogs). The app's
 * composition root lists the layers (app/reader-layers.ts) and provides them through
 * ReaderLayersContext; the reader calls every layer's hook in that fixed order.
 *
 * Offsets are code points in the document, end exclusive, as everywhere in the corpus API.
 */
import type { DocumentDetail, OffsetMap } from '@marginalia/shared';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode } from 'react';
import type { SelectedSpan } from '../dom-offsets';

export interface ReaderLayerContext {
  workspaceId: string;
  document: DocumentDetail;
  map: OffsetMap;
  canEdit: boolean;
}

/**
 * A span to paint with one of the CSS highlights the layer's stylesheet defines
 * (`::highlight(<paint>)`): painted by the CSS Custom Highlight API, so the text's DOM never
 * changes and thousands of overlapping spans cost no elements.
 */
export interface LayerHighlight {
  start: number;
  end: number;
  paint: string;
}

/** Something listed beside the passage in which `start` falls. */
export interface MarginItem {
  key: string;
  start: number;
  end: number;
  /** `focusable`: the passage is the current one, so its controls are in the tab order. */
  render: (focusable: boolean) => ReactNode;
}

export interface SelectionAction {
  id: string;
  label: string;
  /** A one-key shortcut while text is selected (shown in the toolbar's accessible name). */
  shortcut?: string;
  run: (span: SelectedSpan) => void;
}

export interface ReaderLayerOutput {
  highlights: readonly LayerHighlight[];
  marginItems?: readonly MarginItem[];
  selectionActions?: readonly SelectionAction[];
  /** Rendered once beside the reader (dialogs the layer's actions open). */
  overlay?: ReactNode;
  /** Rendered once above the text (a layer's view settings, such as a filter). */
  controls?: ReactNode;
  /** Still loading what it paints (the reader marks when every layer has painted). */
  pending?: boolean;
}

export interface ReaderLayer {
  id: string;
  /**
   * Starts loading what the layer paints as soon as the reader starts loading the document, so
   * the two requests run side by side rather than one after the other.
   */
  prefetch?: (queryClient: QueryClient, workspaceId: string, documentId: string) => void;
  /** A React hook: called on every render of the reader, in the registry's fixed order. */
  useLayer: (context: ReaderLayerContext) => ReaderLayerOutput;
}

export const ReaderLayersContext = createContext<readonly ReaderLayer[]>([]);
