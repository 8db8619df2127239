/** The corpus as a table with sortable columns; sorting is done by the API. */
import type { DocumentSummary } from '@marginalia/shared';
import { Link } from 'react-router';
import { formatCalendarDate, formatCount, formatDate, formatNumber } from '../../../lib/format';
import { documentPath } from '../../../lib/reader-links';
import { Badge } from '../../../ui';
import type { SortKey, SortOrder } from '../hooks/useCorpusParams';

interface DocumentTableProps {
  workspaceId: string;
  caption: string;
  documents: readonly DocumentSummary[];
  sort: SortKey;
  order: SortOrder;
  onSort: (key: SortKey) => void;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source' },
  { key: 'author', label: 'Author' },
  { key: 'publishedOn', label: 'Published' },
  { key: 'characterCount', label: 'Length', numeric: true },
  { key: 'createdAt', label: 'Added' },
];

export function DocumentTable({ workspaceId, caption, documents, sort, order, onSort }: DocumentTableProps) {
  return (
    <div className="table-wrap">
      <table className="table corpus-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = column.key === sort;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'table__numeric' : undefined}
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => {
                      onSort(column.key);
                    }}
                  >
                    {column.label}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <th scope="row" className="table__primary table__wrap corpus-table__title">
                <Link to={documentPath(workspaceId, document.id)}>{document.title}</Link>
                {document.titleProposed && <Badge tone="warning">Proposed title</Badge>}
                {document.sourceFilename !== null && <span className="table__secondary">{document.sourceFilename}</span>}
              </th>
              <td className="table__wrap">{document.source ?? <Missing />}</td>
              <td className="table__wrap">{document.author ?? <Missing />}</td>
              <td className="table__nowrap">{document.publishedOn !== null ? formatCalendarDate(document.publishedOn) : <Missing />}</td>
              <td className="table__numeric table__nowrap">
                {formatNumber(document.characterCount)}
                <span className="visually-hidden"> characters</span>
                <span className="table__secondary">{formatCount(document.passageCount, 'passage')}</span>
              </td>
              <td className="table__nowrap">{formatDate(document.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Missing() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not set</span>
    </span>
  );
}
