/**
 * Beside the grid, what the focused cell or header is about: for a cell, every member's rating
 * and the spread in figures; for a piece of evidence, its quotes (links into the reader) and my
 * weights; for an explanation, the team's and each member's inconsistency scores. A cell's
 * discussion opens from here (commenting on an ACH cell is how a team settles it).
 */
import { ACH_RATING_LABELS, ACH_RATINGS, ACH_WEIGHT_LEVELS, type AchCell, type AchEvidenceScore, type AchHypothesisScore, type AchRating, type AchWeight, type AchWeightLevel } from '@marginalia/shared';
import { SelectField } from '../../../ui';
import { AnchorDiscussionButton } from '../../discussion';
import { useMapSession } from '../../maps';
import { formatScore, formatSpread } from '../ach-format';
import type { MapViewNames } from '../hooks/useMapViewContext';
import { QuoteLink } from './QuoteLink';

interface AchDetailsProps {
  workspaceId: string;
  userId: string;
  readOnly: boolean;
  blind: boolean;
  members: string[];
  names: MapViewNames;
  hypothesis: AchHypothesisScore | null;
  evidence: AchEvidenceScore | null;
  cell: AchCell | null;
  myWeight: AchWeight | null;
  onRate: (cell: AchCell, rating: AchRating | null) => void;
  onWeigh: (evidenceId: string, weight: AchWeight) => void;
}

const WEIGHT_OPTIONS = ACH_WEIGHT_LEVELS.map((level) => ({ value: level, label: level }));

function CellFigures({ cell, userId, blind, readOnly, names, onRate }: Pick<AchDetailsProps, 'userId' | 'blind' | 'readOnly' | 'names' | 'onRate'> & { cell: AchCell }) {
  const others = Object.entries(cell.ratings).filter(([member]) => member !== userId);
  return (
    <div className="ach-details__block">
      <SelectField
        label="Your rating"
        value={cell.ratings[userId] ?? ''}
        disabled={readOnly}
        onChange={(event) => onRate(cell, event.target.value === '' ? null : (event.target.value as AchRating))}
        options={[{ value: '', label: 'Not rated' }, ...ACH_RATINGS.map((rating) => ({ value: rating, label: `${rating} – ${ACH_RATING_LABELS[rating]}` }))]}
      />
      {blind ? (
        <p className="muted">Blind mode: colleagues&apos; ratings stay hidden until they are revealed.</p>
      ) : (
        <>
          <h4>Team</h4>
          {others.length === 0 ? (
            <p className="muted">No colleague has rated this cell.</p>
          ) : (
            <ul className="ach-details__ratings">
              {others.map(([member, rating]) => (
                <li key={member}>
                  <span className={`rating-chip rating--${rating}`}>{rating}</span> {names.member(member)}
                </li>
              ))}
            </ul>
          )}
          <dl className="ach-details__figures">
            <dt>Raters (NA left out)</dt>
            <dd>{cell.raters}</dd>
            <dt>Mean (−2…2)</dt>
            <dd>{formatSpread(cell.mean)}</dd>
            <dt>Range</dt>
            <dd>{cell.range ?? '–'}</dd>
            <dt>Standard deviation</dt>
            <dd>{formatSpread(cell.stdDev)}</dd>
            <dt>Disagreement (0…1)</dt>
            <dd>{cell.disagreement.toFixed(2)}</dd>
          </dl>
        </>
      )}
    </div>
  );
}

function EvidenceBlock({ workspaceId, evidence, myWeight, readOnly, names, onWeigh }: Pick<AchDetailsProps, 'workspaceId' | 'myWeight' | 'readOnly' | 'names' | 'onWeigh'> & { evidence: AchEvidenceScore }) {
  const weight: AchWeight = myWeight ?? { credibility: 'medium', relevance: 'medium' };
  const change = (field: keyof AchWeight, level: string) => onWeigh(evidence.evidence.id, { ...weight, [field]: level as AchWeightLevel });
  return (
    <div className="ach-details__block">
      <h4>Evidence</h4>
      <p>{evidence.evidence.text}</p>
      {evidence.evidence.evidence.map((link) => (
        <QuoteLink key={link.id} workspaceId={workspaceId} link={link} documentTitle={names.document(link.documentId)} />
      ))}
      <p className="muted">
        {evidence.diagnosticity === null
          ? 'Diagnosticity unknown: fewer than two explanations are rated against it.'
          : evidence.diagnosticity === 0
            ? 'Not diagnostic: the team rates it the same for every explanation.'
            : `Diagnosticity ${formatScore(evidence.diagnosticity)} (range of the team's mean ratings across explanations).`}{' '}
        Team weight {formatScore(evidence.teamWeight)}.
      </p>
      <div className="ach-details__weights">
        <SelectField label="My credibility" value={weight.credibility} disabled={readOnly} onChange={(event) => change('credibility', event.target.value)} options={WEIGHT_OPTIONS} />
        <SelectField label="My relevance" value={weight.relevance} disabled={readOnly} onChange={(event) => change('relevance', event.target.value)} options={WEIGHT_OPTIONS} />
      </div>
    </div>
  );
}

function HypothesisBlock({ hypothesis, members, names, userId, blind }: Pick<AchDetailsProps, 'members' | 'names' | 'userId' | 'blind'> & { hypothesis: AchHypothesisScore }) {
  const shown = blind ? members.filter((member) => member === userId) : members;
  return (
    <div className="ach-details__block">
      <h4>Explanation</h4>
      <p>{hypothesis.hypothesis.text}</p>
      <p>
        Team inconsistency {formatScore(hypothesis.inconsistency)}, rank {hypothesis.rank} ({hypothesis.ratedCells} cells rated).
      </p>
      {shown.length > 0 && (
        <ul className="ach-details__ratings">
          {shown.map((member) => {
            const score = hypothesis.byMember[member];
            return score ? (
              <li key={member}>
                {member === userId ? 'You' : names.member(member)}: {formatScore(score.inconsistency)}, rank {score.rank}
              </li>
            ) : null;
          })}
        </ul>
      )}
    </div>
  );
}

export function AchDetails(props: AchDetailsProps) {
  const { cell, evidence, hypothesis } = props;
  const { map } = useMapSession();
  return (
    <aside className="ach-details" aria-label="Details of the focused cell">
      {cell && hypothesis && evidence && (
        <>
          <h3 className="ach-details__title">
            {evidence.evidence.text} <span className="muted">on</span> {hypothesis.hypothesis.text}
          </h3>
          <AnchorDiscussionButton
            workspaceId={props.workspaceId}
            anchor={{ kind: 'ach-cell', mapId: map.id, hypothesisId: cell.hypothesisId, evidenceId: cell.evidenceId }}
            subject={`cell “${evidence.evidence.text}” on “${hypothesis.hypothesis.text}”`}
          />
        </>
      )}
      {cell && <CellFigures {...props} cell={cell} />}
      {evidence && <EvidenceBlock {...props} evidence={evidence} />}
      {hypothesis && !cell && <HypothesisBlock {...props} hypothesis={hypothesis} />}
      {!cell && !evidence && !hypothesis && <p className="muted">Move through the grid with the arrow keys; details of the focused cell show here.</p>}
    </aside>
  );
}
