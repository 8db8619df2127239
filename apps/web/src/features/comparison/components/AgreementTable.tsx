/** Agreement per tag and overall, passages as units, plus NVivo-style character agreement. */
import type { AgreementFigures, AgreementReport, Tag } from '@marginalia/shared';
import { TagLabel } from '../../codebook';
import { formatCoefficient, formatPercent } from '../format-agreement';

function FigureCells({ figures, pairOnly }: { figures: AgreementFigures; pairOnly: boolean }) {
  return (
    <>
      <td>{figures.units}</td>
      <td>{formatPercent(figures.percentAgreement)}</td>
      {pairOnly && <td>{formatCoefficient(figures.cohensKappa)}</td>}
      <td>{formatCoefficient(figures.fleissKappa)}</td>
      <td>{formatCoefficient(figures.krippendorffAlpha)}</td>
    </>
  );
}

export function AgreementTable({ report, tags }: { report: AgreementReport; tags: Tag[] }) {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const pairOnly = report.analysts.length === 2;
  // In codebook order (the API's order is not meant for reading).
  const order = new Map(tags.map((tag, index) => [tag.id, index]));
  const rows = [...report.tags].sort((a, b) => (order.get(a.tagId) ?? Infinity) - (order.get(b.tagId) ?? Infinity));
  return (
    // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="heat-table__scroll" tabIndex={0} role="region" aria-label="Agreement figures">
      <table className="agreement-table">
        <caption>
          Agreement of {report.analysts.length} analysts over {report.documents} documents ({report.passages} passages). Units: passages; “—” where a figure is undefined for these data.
        </caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Units</th>
            <th scope="col">Agreement</th>
            {pairOnly && <th scope="col">Cohen’s κ</th>}
            <th scope="col">Fleiss’ κ</th>
            <th scope="col">Krippendorff’s α</th>
            <th scope="col">Characters</th>
            <th scope="col">Character agreement</th>
            <th scope="col">Character κ</th>
          </tr>
        </thead>
        <tbody>
          <tr className="agreement-table__overall">
            <th scope="row">All tags</th>
            <FigureCells figures={report.overall} pairOnly={pairOnly} />
            <td colSpan={3} />
          </tr>
          {rows.map((row) => {
            const tag = byId.get(row.tagId);
            return (
              <tr key={row.tagId}>
                <th scope="row">{tag ? <TagLabel name={tag.name} color={tag.color} /> : 'Deleted tag'}</th>
                <FigureCells figures={row.passages} pairOnly={pairOnly} />
                <td>{row.characters.characters}</td>
                <td>{formatPercent(row.characters.percentAgreement)}</td>
                <td>{formatCoefficient(row.characters.kappa)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
