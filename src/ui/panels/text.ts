// Fitting plain text into a panel's columns: every panel row is exactly its width, so Ink
// never wraps one and the frame keeps its height.

/** Cuts or pads `text` to `width` cells; a cut ends with `…`. Control characters become `?`. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  const chars = [...clean];
  if (chars.length <= width) return clean + ' '.repeat(width - chars.length);
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Seconds with milliseconds, right-aligned: the Timeline's time column. */
export function seconds(ms: number, width = 8): string {
  return (ms / 1000).toFixed(3).padStart(width);
}
