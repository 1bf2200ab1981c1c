import { describe, expect, it } from 'vitest';
import { splitSegments, type Segment } from './segments';

const text = (t: string): Segment => ({ kind: 'text', text: t });
const project = (query: string): Segment => ({ kind: 'project', query });
const tag = (query: string): Segment => ({ kind: 'tag', query });
const billable: Segment = { kind: 'billable' };

describe('splitSegments', () => {
  it.each<[string, Segment[]]>([
    ['9-10 fix', [text('9-10'), text('fix')]],
    ['9-10 fix @website #meeting $', [text('9-10'), text('fix'), project('website'), tag('meeting'), billable]],
    // @ takes words up to the next @, # or $ word
    ['9-10 fix @website design #a #b', [text('9-10'), text('fix'), project('website design'), tag('a'), tag('b')]],
    ['9-10 fix @web app $ more', [text('9-10'), text('fix'), project('web app'), billable, text('more')]],
    ['@acme design 9-10 fix', [project('acme design 9-10 fix')]],
    ['@ acme 9-10', [project('acme 9-10')]],
    ['9-10 fix @acme $5 budget', [text('9-10'), text('fix'), project('acme'), text('$5'), text('budget')]],
    // quotes end the name, so a description can follow; straight or curly quotes
    ['@"Web App" 9-10 fix login', [project('Web App'), text('9-10'), text('fix'), text('login')]],
    ['9-10 @“Web App” fix', [text('9-10'), project('Web App'), text('fix')]],
    ['9-10 #"client call" fix', [text('9-10'), tag('client call'), text('fix')]],
    ['9-10 #meeting fix', [text('9-10'), tag('meeting'), text('fix')]],
    // $ only as a word of its own; escapes keep @ # $ in the description
    ['9-10 $ fix', [text('9-10'), billable, text('fix')]],
    ['9-10 issue \\#12 \\@home \\$', [text('9-10'), text('issue'), text('#12'), text('@home'), text('$')]],
    ['9-10 mail bob@example.com c#', [text('9-10'), text('mail'), text('bob@example.com'), text('c#')]],
    ['   ', []],
    ['', []],
  ])('%j', (line, segments) => {
    expect(splitSegments(line)).toEqual({ ok: true, segments });
  });

  it.each([
    ['9-10 @', /Write a project after @/],
    ['9-10 # fix', /Write a tag right after #/],
    ['9-10 @"Web App fix', /Close the quote after @/],
    ['9-10 #"client', /Close the quote after #/],
    ['9-10 @"" fix', /Write a name between the quotes/],
  ])('%j is an error', (line, error) => {
    const result = splitSegments(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
