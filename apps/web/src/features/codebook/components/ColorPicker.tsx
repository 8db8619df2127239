/** The palette as radio buttons: each swatch says its name, so colour is never the only cue. */
import { TAG_COLOR_NAMES, type TagColor } from '@marginalia/shared';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { TAG_COLOR_LABELS } from '../tag-colors';
import { TagSwatch } from './TagSwatch';

export function ColorPicker({ value, onChange, isDisabled }: { value: string; onChange: (color: TagColor) => void; isDisabled?: boolean }) {
  return (
    <RadioGroup className="color-picker" value={value} onChange={(color) => onChange(color as TagColor)} isDisabled={isDisabled ?? false} orientation="horizontal">
      <Label className="field__label">Colour</Label>
      <div className="color-picker__options">
        {TAG_COLOR_NAMES.map((color) => (
          <Radio key={color} value={color} className="color-picker__option">
            <TagSwatch color={color} />
            {TAG_COLOR_LABELS[color]}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
