// Quick manual entry: parse one typed line into entries. The UI formats the preview.
export { parseQuickEntry } from './parse-quick-entry';
export type { QuickEntryContext, QuickEntryItem, QuickEntryParse } from './types';
