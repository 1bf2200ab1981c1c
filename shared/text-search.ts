// Word search for the project and tag pickers and for quick entry's @project / #tag. Built for
// 10,000–50,000 projects answering every keystroke: the text of each item is normalized once, and a
// search does at most a few `String.prototype.includes` per item, with no regex and no allocation
// per item. Typing more letters narrows the previous answer instead of scanning everything again.

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents stripped, punctuation turned into spaces, whitespace collapsed and trimmed. */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/**
 * How well an item matched. `exact`: the query is the item's whole name. `word-start`: every query
 * word starts a word of the item's text. `substring`: some query word only occurs inside a word.
 */
export type SearchRank = 'exact' | 'word-start' | 'substring';

export interface SearchHit<T> {
  readonly item: T;
  readonly rank: SearchRank;
}

export interface SearchIndex<T> {
  readonly size: number;
  /** Matching items, best rank first, in input order within a rank; all items for an empty query. */
  search(query: string, limit?: number): T[];
  /** The same answer with each item's rank. */
  rankedSearch(query: string, limit?: number): SearchHit<T>[];
}

/**
 * `textOf` gives an item's searchable text: one string, or several fields whose first is the name
 * (only the name counts for an exact match), e.g. `[project.name, project.clientName]`.
 */
export function createSearchIndex<T>(items: readonly T[], textOf: (item: T) => string | readonly string[]): SearchIndex<T> {
  const count = items.length;
  // ' ' + all words: a word start is then an occurrence of ' ' + query word.
  const haystacks: string[] = new Array<string>(count);
  const names: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const text = textOf(items[i] as T);
    const fields = typeof text === 'string' ? [text] : text;
    names[i] = normalizeForSearch(fields[0] ?? '');
    let haystack = '';
    for (const field of fields) {
      const normalized = normalizeForSearch(field);
      if (normalized !== '') haystack += ` ${normalized}`;
    }
    haystacks[i] = haystack;
  }

  // The previous query and every item it matched, in input order: a query that only adds letters
  // or words to it can only match a subset of those. Two buffers, swapped, so no search allocates
  // per item.
  let lastQuery: string | null = null;
  let lastMatches = new Int32Array(count);
  let lastCount = 0;
  let spare = new Int32Array(count);

  function match(query: string, words: readonly string[]): { matches: Int32Array; total: number } {
    const narrowing = lastQuery !== null && query.startsWith(lastQuery);
    const from = narrowing ? lastCount : count;
    const into = spare;
    let total = 0;
    for (let c = 0; c < from; c++) {
      const i = narrowing ? (lastMatches[c] as number) : c;
      const haystack = haystacks[i] as string;
      let all = true;
      for (let w = 0; w < words.length; w++) {
        if (!haystack.includes(words[w] as string)) {
          all = false;
          break;
        }
      }
      if (all) into[total++] = i;
    }
    spare = lastMatches;
    lastMatches = into;
    lastCount = total;
    lastQuery = query;
    return { matches: into, total };
  }

  /** Calls `take` for each match, best rank first, until `limit`; false for an empty query. */
  function eachRanked(rawQuery: string, limit: number, take: (index: number, rank: SearchRank) => void): boolean {
    const query = normalizeForSearch(rawQuery);
    if (query === '') return false;
    const words = [...new Set(query.split(' '))];
    const starts = words.map((word) => ` ${word}`);
    const { matches, total } = match(query, words);
    // Every exact match is needed (one may come last); the other ranks only up to the limit.
    const exact: number[] = [];
    const wordStart: number[] = [];
    const substring: number[] = [];
    for (let m = 0; m < total; m++) {
      const i = matches[m] as number;
      if (names[i] === query) {
        exact.push(i);
        continue;
      }
      if (wordStart.length >= limit) continue;
      const haystack = haystacks[i] as string;
      let allStart = true;
      for (let w = 0; w < starts.length; w++) {
        if (!haystack.includes(starts[w] as string)) {
          allStart = false;
          break;
        }
      }
      if (allStart) wordStart.push(i);
      else if (substring.length < limit) substring.push(i);
    }
    let taken = 0;
    const buckets: [readonly number[], SearchRank][] = [[exact, 'exact'], [wordStart, 'word-start'], [substring, 'substring']];
    for (const [bucket, rank] of buckets) {
      for (let b = 0; b < bucket.length && taken < limit; b++, taken++) take(bucket[b] as number, rank);
    }
    return true;
  }

  function rankedSearch(query: string, limit = Infinity): SearchHit<T>[] {
    const hits: SearchHit<T>[] = [];
    const searched = eachRanked(query, limit, (index, rank) => hits.push({ item: items[index] as T, rank }));
    // An empty query matches everything, at the lowest rank.
    return searched ? hits : items.slice(0, limit).map((item) => ({ item, rank: 'substring' as const }));
  }

  function search(query: string, limit = Infinity): T[] {
    const found: T[] = [];
    const searched = eachRanked(query, limit, (index) => found.push(items[index] as T));
    return searched ? found : items.slice(0, limit);
  }

  return { size: count, search, rankedSearch };
}

/** Levenshtein distance: the fewest one-letter insertions, deletions or changes from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
