// Splits a quick-entry line into what is addressed to a picker (@project, #tag, $) and the rest
// (dates, times and the description), keeping the rest in its original order.
//
//   @words   the project: every word after @ up to the next word starting with @, # or $ (or the
//            end), so put the description before it, or quote it: @"Web App" fix login
//   #word    one tag, one word; #"two words" for more. Several tags are allowed.
//   $        billable (a word of its own, anywhere).
//   \@ \# \$ kept in the description without the backslash (for "issue \#12").
// Straight and curly double quotes both work: @"Web App", @“Web App”.

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'project'; readonly query: string }
  | { readonly kind: 'tag'; readonly query: string }
  | { readonly kind: 'billable' };

export type SegmentsResult = { ok: true; segments: Segment[] } | { ok: false; error: string };

interface Word {
  readonly text: string;
  /** Set for @"…" and #"…": the quoted words, already a whole name. */
  readonly quoted?: { readonly sigil: '@' | '#'; readonly name: string };
}

const OPENING_QUOTES = new Set(['"', '“', '”']);
const CLOSING_QUOTE = /["”“]/g;
const SPACE = /\s/;

function splitWords(line: string): { ok: true; words: Word[] } | { ok: false; error: string } {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && SPACE.test(line[i] as string)) i++;
    if (i >= line.length) break;
    const sigil = line[i];
    if ((sigil === '@' || sigil === '#') && OPENING_QUOTES.has(line[i + 1] ?? '')) {
      CLOSING_QUOTE.lastIndex = i + 2;
      const close = CLOSING_QUOTE.exec(line);
      if (close === null) {
        return { ok: false, error: `Close the quote after ${sigil}: write ${sigil}"two words" with a quote at each end.` };
      }
      words.push({ text: line.slice(i, close.index + 1), quoted: { sigil, name: line.slice(i + 2, close.index).trim() } });
      i = close.index + 1;
      continue;
    }
    const start = i;
    while (i < line.length && !SPACE.test(line[i] as string)) i++;
    words.push({ text: line.slice(start, i) });
  }
  return { ok: true, words };
}

function startsPickerWord(word: Word): boolean {
  return word.quoted !== undefined || /^[@#$]/.test(word.text);
}

export function splitSegments(line: string): SegmentsResult {
  const split = splitWords(line);
  if (!split.ok) return split;
  const { words } = split;
  const segments: Segment[] = [];
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as Word;
    const { text, quoted } = word;
    if (quoted) {
      if (quoted.name === '') return { ok: false, error: `Write a name between the quotes after ${quoted.sigil}, like ${quoted.sigil}"Web App".` };
      segments.push(quoted.sigil === '@' ? { kind: 'project', query: quoted.name } : { kind: 'tag', query: quoted.name });
    } else if (text === '$') {
      segments.push({ kind: 'billable' });
    } else if (/^\\[@#$]/.test(text)) {
      segments.push({ kind: 'text', text: text.slice(1) });
    } else if (text.startsWith('@')) {
      const parts = text.length > 1 ? [text.slice(1)] : [];
      while (w + 1 < words.length && !startsPickerWord(words[w + 1] as Word)) parts.push((words[++w] as Word).text);
      if (parts.length === 0) return { ok: false, error: 'Write a project after @, like @website or @"Web App".' };
      segments.push({ kind: 'project', query: parts.join(' ') });
    } else if (text.startsWith('#')) {
      if (text.length === 1) return { ok: false, error: 'Write a tag right after #, like #meeting or #"client call".' };
      segments.push({ kind: 'tag', query: text.slice(1) });
    } else {
      segments.push({ kind: 'text', text });
    }
  }
  return { ok: true, segments };
}
