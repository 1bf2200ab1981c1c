// Figure 9: shared/quick-entry parseQuickEntry over 10,000 lines (no target in issue 7). The
// catalog is a mid-sized workspace (1,000 projects over 40 clients, 25 tags, names as the fake's
// large seed makes them), the zone Europe/Berlin, a fixed "now". The lines are a realistic mix,
// drawn in a fixed order: ranges in the forms people type (09:00-10:30, 9-12, 1-3pm, 930-1030),
// durations (45m, 1h30m, 1.5h), days (yesterday, mon, mar 2-6), ISO instants, with descriptions,
// @project (a number, a quoted name, its words reversed and in lower case), #tags and $, and about one line in eight an
// error (no times, an unknown @project). 1,000 lines warm up first (the project index is built once
// per catalog there, as in the app). The mean is the whole run's time divided by the lines (one
// timed loop); p50/p95 time each line on its own in a second pass.
import type { ProjectOption, TagOption } from '../shared/domain';
import { parseQuickEntry, type QuickEntryContext } from '../shared/quick-entry';
import { figure, percentile, type Figure } from './lib/figures';

export interface ParserOptions {
  readonly lines: number;
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

const WORDS = ['Website', 'Mobile App', 'Migration', 'Audit', 'Campaign', 'Support', 'Research', 'Onboarding', 'Redesign', 'Integration'];

export function catalog(): { projects: ProjectOption[]; tags: TagOption[] } {
  const projects: ProjectOption[] = [];
  for (let i = 0; i < 1000; i++) {
    const client = `Client ${String((i % 40) + 1).padStart(2, '0')}`;
    projects.push({ id: `p${i}`, name: `${WORDS[i % WORDS.length]} ${String(i + 1).padStart(4, '0')}`, clientId: `c${i % 40}`, clientName: client, color: '#03A9F4', billable: i % 3 !== 0 });
  }
  const tags = ['meeting', 'deep work', 'review', 'urgent', 'admin', 'travel', 'call', 'email', 'planning', 'support'].flatMap((name, i) => (i < 5 ? [name, `${name} 2`, `${name} 3`] : [name])).map((name, i) => ({ id: `t${i}`, name }));
  return { projects, tags };
}

export function lineMaker(projects: readonly ProjectOption[]): (i: number) => string {
  const descriptions = ['Standup', 'Code review', 'Fix login bug', 'Client call', 'Write report', 'Planning', 'Emails', 'Design sync', 'Onsite', 'Deploy'];
  const times = ['09:00-10:30', '9-12', '1-3pm', '930-1030', '9am-1pm', '14:15-15:45', '22:00-01:00', '8.30-9', '45m', '1h30m', '1.5h', '2h', '90 minutes'];
  const days = ['', '', '', 'yesterday ', 'mon ', 'mar 2 ', 'mar 2-6 ', 'tue, thu '];
  const tags = ['', '', ' #meeting', ' #review #urgent', ' #"deep work"'];
  const project = (i: number) => {
    const p = projects[(i * 37) % projects.length]!;
    switch (i % 4) {
      case 0:
        return ` @"${p.name}"`;
      case 1:
        return ` @${p.name.split(' ').at(-1)}`;
      case 2:
        return ` @"${p.name.split(' ').reverse().join(' ').toLowerCase()}"`;
      default:
        return '';
    }
  };
  return (i) => {
    if (i % 8 === 7) return i % 16 === 7 ? `${descriptions[i % descriptions.length]} without times` : `9-10 fix @nosuchproject`;
    if (i % 23 === 0) return `2025-03-10T09:00:00Z 2025-03-10T10:30:00-03:00 ${descriptions[i % descriptions.length]}`;
    const time = times[i % times.length]!;
    const day = /[mh]|minutes/.test(time) ? (i % 5 === 0 ? 'yesterday ' : '') : days[i % days.length]!;
    const day2 = /[mh]|minutes/.test(time) && day === 'yesterday ' ? '' : day;
    return `${day2}${time} ${descriptions[(i >> 1) % descriptions.length]}${project(i)}${tags[i % tags.length]}${i % 3 === 0 ? ' $' : ''}`;
  };
}

export function measureQuickEntryParser(options: ParserOptions): Figure[] {
  const { projects, tags } = catalog();
  const ctx: QuickEntryContext = { now: new Date('2026-03-12T15:20:00Z'), timeZone: 'Europe/Berlin', projects, tags };
  const make = lineMaker(projects);
  const lines = Array.from({ length: options.lines }, (_, i) => make(i));

  let okCount = 0;
  for (let i = 0; i < 1000; i++) parseQuickEntry(lines[i % lines.length]!, ctx);
  const t0 = performance.now();
  for (const line of lines) if (parseQuickEntry(line, ctx).ok) okCount++;
  const total = performance.now() - t0;
  const each: number[] = [];
  for (const line of lines) {
    const start = performance.now();
    parseQuickEntry(line, ctx);
    each.push((performance.now() - start) * 1000);
  }
  const meanUs = (total * 1000) / lines.length;
  options.log(
    `  ${lines.length} lines (${okCount} parsed, ${lines.length - okCount} errors) in ${total.toFixed(1)} ms: mean ${meanUs.toFixed(1)} µs/line; one by one p50 ${percentile(each, 50).toFixed(1)} / p95 ${percentile(each, 95).toFixed(1)} µs`,
  );
  return [
    figure({ name: `quick-entry parser, ${lines.length.toLocaleString('en')} lines: mean per line`, value: meanUs, unit: 'µs' }, options.judge),
    figure({ name: `quick-entry parser, ${lines.length.toLocaleString('en')} lines: p95 per line`, value: percentile(each, 95), unit: 'µs' }, options.judge),
  ];
}
