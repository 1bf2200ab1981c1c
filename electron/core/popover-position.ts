// Where the popover opens: under a tray at the top of the screen, above one at the bottom, beside
// one at a side; always inside the work area of the tray's display.
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function popoverPosition(tray: Rect | null, size: { width: number; height: number }, workArea: Rect, margin = 6): { x: number; y: number } {
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(Math.max(value, min), max));
  const maxX = workArea.x + workArea.width - size.width - margin;
  const maxY = workArea.y + workArea.height - size.height - margin;
  if (!tray || tray.width === 0) {
    // No tray bounds (Linux AppIndicator): the top-right corner of the work area.
    return { x: maxX, y: workArea.y + margin };
  }
  const trayCentreX = tray.x + tray.width / 2;
  const trayCentreY = tray.y + tray.height / 2;
  const atTop = trayCentreY < workArea.y + workArea.height / 2;
  const atSide = tray.x >= workArea.x + workArea.width || tray.x + tray.width <= workArea.x;
  if (atSide) {
    const x = tray.x >= workArea.x + workArea.width ? maxX : workArea.x + margin;
    return { x, y: clamp(trayCentreY - size.height / 2, workArea.y + margin, maxY) };
  }
  const x = clamp(trayCentreX - size.width / 2, workArea.x + margin, maxX);
  return { x, y: atTop ? clamp(tray.y + tray.height + margin, workArea.y + margin, maxY) : clamp(tray.y - size.height - margin, workArea.y + margin, maxY) };
}
