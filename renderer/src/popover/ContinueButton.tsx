// The round Continue button at the end of an entry's row; work only (a break, holiday or time off
// keeps the place empty so the rows line up).
import type { EntryType } from '../../../shared/domain';
import { mayContinue } from '../../../shared/entry-types';
import { Icon } from './Icon';

export function ContinueButton({ type, describedBy, onContinue }: { type: EntryType; describedBy: string; onContinue: () => void }) {
  if (!mayContinue(type)) return <span className="continue-placeholder" aria-hidden="true" />;
  return (
    <button type="button" className="icon-button continue" aria-label="Continue" title="Continue" aria-describedby={describedBy} onClick={onContinue}>
      <Icon name="play" />
    </button>
  );
}
