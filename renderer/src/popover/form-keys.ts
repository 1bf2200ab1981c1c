// The small forms under the timer and over the list: Enter sends (not while an input method composes),
// Esc closes the form only (not the popover).
import type { KeyboardEvent } from 'react';

export function submitOrCancel(submit: () => void, cancel: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };
}
