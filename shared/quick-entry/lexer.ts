// Tokens of the date-and-time part at the start of a quick-entry line. Lexing stops at the first
// character no token starts with; the parser stops at the first token its grammar does not take,
// and the description is the text from there on.

export type Token =
  | { readonly kind: 'instant'; readonly start: number; readonly end: number; readonly text: string }
  /** `2025-03-10T09:00` without Z or an offset: refused, since it could be meant in any zone. */
  | { readonly kind: 'unzoned'; readonly start: number; readonly end: number; readonly text: string }
  | { readonly kind: 'date'; readonly start: number; readonly end: number; readonly year: number; readonly month: number; readonly day: number }
  /** `30/11`, `11/30/2026`, `30.11.`, `30.11.26`: a day and a month in the account's order (dots: day first). */
  | { readonly kind: 'numeric-date'; readonly start: number; readonly end: number; readonly first: number; readonly second: number; readonly year: number | null; readonly dayFirst: boolean }
  | { readonly kind: 'duration'; readonly start: number; readonly end: number; readonly seconds: number }
  /** `9`, `09:30`, `9.30`, `0930`, `9am`, `9 p.m.`, `10:30:15`: a time of day or a day of the month. */
  | {
      readonly kind: 'number';
      readonly start: number;
      readonly end: number;
      readonly digits: string;
      readonly minutes: string | null;
      readonly seconds: string | null;
      readonly meridiem: 'am' | 'pm' | null;
    }
  | { readonly kind: 'ordinal'; readonly start: number; readonly end: number; readonly day: number }
  /** `-`, `–`, `—`, `..`, `to`, `until`, `till`, `through`, `thru`. */
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  /** `,`, `&`, `and`. */
  | { readonly kind: 'list'; readonly start: number; readonly end: number }
  /** Letters, lower-cased, a trailing dot dropped (`Mar.`). */
  | { readonly kind: 'word'; readonly start: number; readonly end: number; readonly word: string };

const NOT_AFTER_WORD = '(?![\\p{L}\\p{N}])';
const HOURS = '(?:hours?|hrs?|h)';
const MINUTES = '(?:minutes?|mins?|m)';

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)(?![\p{L}\p{N}])/iuy;
const UNZONED = /\d{4}-\d{1,2}-\d{1,2}T\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?![\p{L}\p{N}])/iuy;
const DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}])/uy;
const SLASH_DATE = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\p{L}\p{N}/])/uy;
// The final dot tells a date (30.11.) from a time (9.30).
const DOTTED_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\p{L}\p{N}])/uy;
// 1h30m, 1h 30m, 1h30, 1.5h, 1,5h, 2 hours, 90m, 45 min
const HOURS_DURATION = new RegExp(`(\\d+(?:[.,]\\d+)?) ?${HOURS}(?: ?(\\d+) ?${MINUTES}|(\\d{1,2}))?${NOT_AFTER_WORD}`, 'iuy');
const MINUTES_DURATION = new RegExp(`(\\d+) ?${MINUTES}${NOT_AFTER_WORD}`, 'iuy');
const ORDINAL = /(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\p{N}])/iuy;
const NUMBER = /(\d{1,4})(?:[:.](\d{2})(?::(\d{2}))?)?(?: ?([ap])\.?m\.?|([ap]))?(?![\p{L}\p{N}])/iuy;
const RANGE = /(?:\.\.|[-–—−]|(?:to|until|till|through|thru)(?![\p{L}\p{N}]))/iuy;
const LIST = /(?:,|&|and(?![\p{L}\p{N}]))/iuy;
const WORD = /(\p{L}+)\.?/uy;
const SPACES = /\s+/y;

function at(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

function readToken(text: string, start: number): Token | null {
  let m: RegExpExecArray | null;
  if ((m = at(INSTANT, text, start))) return { kind: 'instant', start, end: start + m[0].length, text: m[0] };
  if ((m = at(UNZONED, text, start))) return { kind: 'unzoned', start, end: start + m[0].length, text: m[0] };
  if ((m = at(DATE, text, start))) {
    return { kind: 'date', start, end: start + m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  if ((m = at(SLASH_DATE, text, start)) || (m = at(DOTTED_DATE, text, start))) {
    const year = m[3] === undefined ? null : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return { kind: 'numeric-date', start, end: start + m[0].length, first: Number(m[1]), second: Number(m[2]), year, dayFirst: m[0].includes('.') };
  }
  if ((m = at(HOURS_DURATION, text, start))) {
    const hours = Number((m[1] as string).replace(',', '.'));
    const minutes = Number(m[2] ?? m[3] ?? 0);
    return { kind: 'duration', start, end: start + m[0].length, seconds: Math.round(hours * 3600 + minutes * 60) };
  }
  if ((m = at(MINUTES_DURATION, text, start))) return { kind: 'duration', start, end: start + m[0].length, seconds: Number(m[1]) * 60 };
  if ((m = at(ORDINAL, text, start))) return { kind: 'ordinal', start, end: start + m[0].length, day: Number(m[1]) };
  if ((m = at(NUMBER, text, start))) {
    const letter = (m[4] ?? m[5])?.toLowerCase();
    return {
      kind: 'number',
      start,
      end: start + m[0].length,
      digits: m[1] as string,
      minutes: m[2] ?? null,
      seconds: m[3] ?? null,
      meridiem: letter === undefined ? null : letter === 'a' ? 'am' : 'pm',
    };
  }
  if ((m = at(RANGE, text, start))) return { kind: 'range', start, end: start + m[0].length };
  if ((m = at(LIST, text, start))) return { kind: 'list', start, end: start + m[0].length };
  if ((m = at(WORD, text, start))) return { kind: 'word', start, end: start + m[0].length, word: (m[1] as string).toLowerCase() };
  return null;
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const spaces = at(SPACES, text, position);
    if (spaces) position += spaces[0].length;
    if (position >= text.length) break;
    const token = readToken(text, position);
    if (token === null) break;
    tokens.push(token);
    position = token.end;
  }
  return tokens;
}

/** Walks the tokens; `offset` is where the text not yet taken begins. */
export class Cursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): Token | undefined {
    return this.tokens[this.index++];
  }

  get position(): number {
    return this.index;
  }

  set position(index: number) {
    this.index = index;
  }

  /** The text a token was read from. */
  textOf(token: Token): string {
    return this.text.slice(token.start, token.end);
  }

  /** The text from the first token not taken (or the end when all are). */
  rest(): string {
    const token = this.tokens[this.index];
    if (token) return this.text.slice(token.start);
    const last = this.tokens[this.tokens.length - 1];
    return last ? this.text.slice(last.end) : this.text;
  }
}
