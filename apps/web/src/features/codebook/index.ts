/** Public surface of the codebook: the codebook page, tags and colours for other tagging screens. */
import './workspace-events';
export { codebookKeys } from './api';
export { CodebookEditor } from './components/CodebookEditor';
export { CodingSettingsPanel } from './components/CodingSettingsPanel';
export { CodingSettingsSection } from './components/CodingSettingsSection';
export { TagLabel, TagSwatch } from './components/TagSwatch';
export { useCodingSettings, useCreateTag, useTags, useUpdateCodingSettings } from './hooks/useCodebook';
export { tagColorStyle, TAG_COLOR_LABELS } from './tag-colors';
export { buildTagTree, subtreeIds, tagPath, type TagNode } from './tag-tree';
