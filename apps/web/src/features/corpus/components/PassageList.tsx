/** The passages of the document, each given only the highlights that fall inside it. */
import type { OffsetMap, Passage } from '@marginalia/shared';
import { useMemo } from 'react';
import { cx } from '../../../ui';
import { bucketDecorations, type Decoration } from '../reader-model';
import { PassageView, type PassageViewProps } from './PassageView';

const NO_DECORATIONS: readonly Decoration[] = [];
/** Past this many passages, off-screen ones skip layout and paint (content-visibility). */
const LONG_DOCUMENT = 300;

interface PassageListProps extends Pick<PassageViewProps, 'map' | 'canEdit' | 'onFocusPassage' | 'onGoTo' | 'onCopyLink' | 'onRemoveAttribution'> {
  passages: readonly Passage[];
  map: OffsetMap;
  decorations: readonly Decoration[];
  currentIndex: number;
  linkedIndex: number | undefined;
}

export function PassageList({ passages, decorations, currentIndex, linkedIndex, ...shared }: PassageListProps) {
  const buckets = useMemo(() => bucketDecorations(passages, decorations), [passages, decorations]);
  return (
    <div className={cx('passages', passages.length > LONG_DOCUMENT && 'passages--long')}>
      {passages.map((passage, index) => (
        <PassageView
          key={passage.id}
          passage={passage}
          decorations={buckets.get(index) ?? NO_DECORATIONS}
          current={index === currentIndex}
          linked={index === linkedIndex}
          {...shared}
        />
      ))}
    </div>
  );
}
