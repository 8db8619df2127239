/**
 * The ACH view's settings: blind mode and its reveal (editors and admins: the map's settings
 * are part of the shared document), and whether claims and assumptions count as evidence.
 */
import { Checkbox } from 'react-aria-components';
import { Button } from '../../../ui';

interface AchToolbarProps {
  readOnly: boolean;
  blind: boolean;
  revealed: boolean;
  /** Members who have rated anything, counted from the whole document even in blind mode. */
  raterCount: number;
  includeArguments: boolean;
  onIncludeArguments: (include: boolean) => void;
  onBlind: (blind: boolean) => void;
  onReveal: (revealed: boolean) => void;
}

export function AchToolbar({ readOnly, blind, revealed, raterCount, includeArguments, onIncludeArguments, onBlind, onReveal }: AchToolbarProps) {
  return (
    <div className="ach-toolbar" role="group" aria-label="Matrix settings">
      <Checkbox className="checkbox-option" isSelected={blind} isDisabled={readOnly} onChange={onBlind}>
        <span className="checkbox-option__box" aria-hidden="true" />
        Blind ratings
      </Checkbox>
      {blind && !readOnly && (
        <Button size="sm" variant={revealed ? 'ghost' : 'primary'} onClick={() => onReveal(!revealed)}>
          {revealed ? 'Hide ratings again' : 'Reveal everyone’s ratings'}
        </Button>
      )}
      <Checkbox className="checkbox-option" isSelected={includeArguments} onChange={onIncludeArguments}>
        <span className="checkbox-option__box" aria-hidden="true" />
        Claims and assumptions as evidence
      </Checkbox>
      <p className="ach-toolbar__status" role="status">
        {blind && !revealed
          ? `Blind: you see only your own ratings until they are revealed. ${raterCount} ${raterCount === 1 ? 'member has' : 'members have'} rated.`
          : `${raterCount} ${raterCount === 1 ? 'member has' : 'members have'} rated.`}
      </p>
    </div>
  );
}
