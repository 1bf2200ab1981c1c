import { describe, expect, it } from 'vitest';
import { createSearchIndex, normalizeForSearch } from './text-search';

interface Project {
  readonly name: string;
  readonly clientName: string;
}

const projects: Project[] = [
  { name: 'Website Design', clientName: 'Acme' },
  { name: 'Web App', clientName: 'Globex' },
  { name: 'Café Rebrand', clientName: 'Bistro Ünder' },
  { name: 'Redesign', clientName: 'Initech' },
  { name: 'Design', clientName: 'Globex' },
  { name: 'Internal', clientName: '' },
  { name: 'Q3-Report (final)', clientName: 'Acme' },
];

const index = createSearchIndex(projects, (p) => [p.name, p.clientName]);
const names = (query: string, limit?: number) => index.search(query, limit).map((p) => p.name);

describe('normalizeForSearch', () => {
  it.each([
    ['Café Rebrand', 'cafe rebrand'],
    ['CAFÉ', 'cafe'],
    ['  Q3-Report (final)!  ', 'q3 report final'],
    ['Ünder   straße', 'under straße'],
    ['São Paulo / Niño', 'sao paulo nino'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeForSearch(text)).toBe(normalized);
  });
});

describe('createSearchIndex', () => {
  it('finds words in any order, across the name and the client', () => {
    expect(names('design acme')).toEqual(['Website Design']);
    expect(names('acme design')).toEqual(['Website Design']);
  });

  it('ignores case and accents on both sides', () => {
    expect(names('cafe')).toEqual(['Café Rebrand']);
    expect(names('CAFÉ')).toEqual(['Café Rebrand']);
    expect(names('under')).toEqual(['Café Rebrand']);
  });

  it('matches by client name alone', () => {
    expect(names('globex')).toEqual(['Web App', 'Design']);
    expect(names('acme')).toEqual(['Website Design', 'Q3-Report (final)']);
  });

  it('ranks an exact name first, then word starts, then substrings, stable within a rank', () => {
    // "Design" is exact; "Website Design" starts a word with "design"; "Redesign" contains it.
    expect(index.rankedSearch('design').map((h) => [h.item.name, h.rank])).toEqual([
      ['Design', 'exact'],
      ['Website Design', 'word-start'],
      ['Redesign', 'substring'],
    ]);
    expect(names('sign')).toEqual(['Website Design', 'Redesign', 'Design']);
  });

  it('needs every word to match', () => {
    expect(names('web globex')).toEqual(['Web App']);
    expect(names('web initech')).toEqual([]);
    expect(names('nothing like this')).toEqual([]);
  });

  it('treats punctuation as spaces in the query and the text', () => {
    expect(names('q3 report')).toEqual(['Q3-Report (final)']);
    expect(names('report-final')).toEqual(['Q3-Report (final)']);
  });

  it('returns everything in input order for an empty query', () => {
    expect(names('')).toEqual(projects.map((p) => p.name));
    expect(names('   ')).toEqual(projects.map((p) => p.name));
    expect(names('', 2)).toEqual(['Website Design', 'Web App']);
  });

  it('applies the limit after ranking', () => {
    expect(names('design', 1)).toEqual(['Design']);
    expect(names('e', 3)).toHaveLength(3);
  });

  it('answers correctly while typing, deleting and retyping (narrowing cache)', () => {
    const typing = createSearchIndex(projects, (p) => [p.name, p.clientName]);
    const sequence = ['w', 'we', 'web', 'web ', 'web a', 'web ap', 'web', 'de', 'des', 'design', 'design ac', 'x', ''];
    for (const query of sequence) {
      const fresh = createSearchIndex(projects, (p) => [p.name, p.clientName]);
      expect(typing.search(query), query).toEqual(fresh.search(query));
    }
  });

  it('accepts a plain string as the text', () => {
    const tags = createSearchIndex(['Review', 'revenue', 'Réunion'], (t) => t);
    expect(tags.search('re')).toEqual(['Review', 'revenue', 'Réunion']);
    expect(tags.search('reu')).toEqual(['Réunion']);
    expect(tags.search('review')).toEqual(['Review']);
  });

  it('searches 50,000 projects and keeps input order within a rank', () => {
    const many: Project[] = [];
    for (let i = 0; i < 50_000; i++) many.push({ name: `Project ${i} ${i % 7 === 0 ? 'Design' : 'Build'}`, clientName: `Client ${i % 100}` });
    const big = createSearchIndex(many, (p) => [p.name, p.clientName]);
    const hits = big.rankedSearch('design client 42');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(`${hit.item.name} ${hit.item.clientName}`).toMatch(/Design.*42|42.*Design/);
    const wordStart = hits.filter((h) => h.rank === 'word-start');
    expect(wordStart.length).toBeGreaterThan(0);
    expect(hits.slice(0, wordStart.length)).toEqual(wordStart);
    for (const rank of ['word-start', 'substring'] as const) {
      const positions = hits.filter((h) => h.rank === rank).map((h) => many.indexOf(h.item));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(big.search('project 4999 build')[0]?.name).toBe('Project 4999 Build');
    expect(big.search('', 10)).toHaveLength(10);
  });
});
