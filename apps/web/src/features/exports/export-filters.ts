/** The export filters as the page holds them, and as query parameters (empty = all, left out). */
export interface ExportFilters {
  documents: string[];
  tags: string[];
  analysts: string[];
  maps: string[];
}

export const NO_FILTERS: ExportFilters = { documents: [], tags: [], analysts: [], maps: [] };

export function filterParams(filters: ExportFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).flatMap(([name, ids]: [string, string[]]) => (ids.length > 0 ? [[name, ids.join(',')]] : [])));
}
