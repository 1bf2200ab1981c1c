import { describe, expect, it } from 'vitest';
import type { ProjectOption, TagOption } from '../domain';
import { matchProject, matchTag, projectLabel } from './match';

const project = (id: string, name: string, clientName = ''): ProjectOption => ({
  id, name, clientName, clientId: clientName ? `c-${clientName}` : null, color: '#03a9f4', billable: false,
});

const projects: ProjectOption[] = [
  project('p1', 'Website Design', 'Acme'),
  project('p2', 'Web App', 'Globex'),
  project('p3', 'Webinar'),
  project('p4', 'Design', 'Globex'),
  project('p5', 'Design', 'Initech'),
  project('p6', 'Café Rebrand', 'Bistro'),
  project('p7', 'Internal'),
  project('p8', 'Internal Tools'),
];

const tags: TagOption[] = [
  { id: 't1', name: 'meeting' },
  { id: 't2', name: 'review' },
  { id: 't3', name: 'revenue' },
  { id: 't4', name: 'client call' },
  { id: 't5', name: 'Deep Work' },
];

describe('matchProject', () => {
  it.each([
    ['website', 'p1'],
    ['WEBSITE', 'p1'],
    ['design acme', 'p1'],
    ['acme design', 'p1'],
    ['acme', 'p1'],
    ['web app', 'p2'],
    ['app', 'p2'],
    ['cafe', 'p6'],
    ['CAFÉ rebrand', 'p6'],
    ['bistro', 'p6'],
    ['webinar', 'p3'],
    ['design initech', 'p5'],
    ['globex design', 'p4'],
    // an exact name wins over partial matches ("Internal Tools")
    ['internal', 'p7'],
    ['tools', 'p8'],
  ])('@%s → %s', (query, id) => {
    const result = matchProject(query, projects);
    expect(result.ok && result.item.id).toBe(id);
  });

  it('lists the candidates when several match', () => {
    expect(matchProject('web', projects)).toEqual({
      ok: false,
      error: '@web matches 3 projects: Website Design (Acme), Web App (Globex), Webinar; add a word of the name or the client to pick one.',
      candidates: ['Website Design (Acme)', 'Web App (Globex)', 'Webinar'],
    });
  });

  it('asks for the client when two projects have the same exact name', () => {
    const result = matchProject('design', projects);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.candidates).toEqual(['Design (Globex)', 'Design (Initech)']);
      expect(result.error).toMatch(/^@design matches 2 projects: Design \(Globex\), Design \(Initech\); add a word/);
    }
  });

  it('shortens a long list of candidates', () => {
    const many = Array.from({ length: 8 }, (_, i) => project(`x${i}`, `Support ${i}`));
    const result = matchProject('support', many);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.candidates).toHaveLength(8);
      expect(result.error).toMatch(/Support 0, Support 1, Support 2, Support 3, Support 4 and 3 more;/);
    }
  });

  it('says when nothing matches, with the closest names if any', () => {
    expect(matchProject('xyz', projects)).toEqual({
      ok: false,
      error: 'No project matches @xyz; check the spelling, or put the description before the @project or quote it: @"Web App".',
      candidates: [],
    });
    const near = matchProject('website fix header', projects);
    expect(near.ok).toBe(false);
    if (!near.ok) {
      expect(near.error).toMatch(/^No project matches @"website fix header" \(closest: Website Design \(Acme\)\); check the spelling/);
      expect(near.candidates).toEqual(['Website Design (Acme)']);
    }
  });

  it('labels projects with their client', () => {
    expect(projectLabel(projects[0] as ProjectOption)).toBe('Website Design (Acme)');
    expect(projectLabel(projects[2] as ProjectOption)).toBe('Webinar');
  });
});

describe('matchTag', () => {
  it.each([
    ['meeting', 't1'],
    ['meet', 't1'],
    ['review', 't2'],
    ['reven', 't3'],
    ['client call', 't4'],
    ['call client', 't4'],
    ['deep', 't5'],
    ['deep work', 't5'],
  ])('#%s → %s', (query, id) => {
    const result = matchTag(query, tags);
    expect(result.ok && result.item.id).toBe(id);
  });

  it('lists the candidates when several match', () => {
    expect(matchTag('rev', tags)).toEqual({
      ok: false,
      error: '#rev matches 2 tags: review, revenue; write more of the name, or quote it: #"two words".',
      candidates: ['review', 'revenue'],
    });
  });

  it('says how to keep a # word in the description', () => {
    const result = matchTag('123', tags);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('No tag matches #123; check the spelling, create the tag in Clockify first, or write \\#123 to keep it in the description.');
  });
});
