import { describe, expect, it } from 'vitest';
import { typedInto } from './Combobox';

describe('typedInto: what a search starts from when the field showed the current choice', () => {
  const shown = 'Website Relaunch';
  it('takes the text typed in the middle of the name, not the edited name', () => {
    expect(typedInto(shown, 'Website Relraunch', { start: 11, end: 11 }, 12)).toBe('r');
  });
  it('takes the whole value when everything was selected (a click, focus, or fill)', () => {
    expect(typedInto(shown, 'W', { start: 0, end: shown.length }, 1)).toBe('W');
    expect(typedInto(shown, 'relaunch', { start: 0, end: shown.length }, 8)).toBe('relaunch');
  });
  it('starts empty after a deletion inside the name', () => {
    expect(typedInto(shown, 'Website Relunch', { start: 12, end: 12 }, 11)).toBe('');
  });
  it('without the selection, takes what differs from the shown name', () => {
    expect(typedInto(shown, 'Website Relreb cafeaunch', null, null)).toBe('reb cafe');
  });
});
