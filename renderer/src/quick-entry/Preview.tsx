// Exactly what Enter will create: the fields every entry shares, then one row per entry with its
// local day and times (in the app's zone), the same times in UTC and its length.
import type { Preferences } from '../../../shared/domain';
import { formatDuration } from '../../../shared/entry-totals';
import { formatClockTime } from '../time-format';
import { entriesWord, type QuickEntryPlan } from './plan';
import { formatDate, formatNotes, formatUtcRange, relativeDay } from './preview-format';

export interface PreviewProps {
  readonly plan: QuickEntryPlan;
  /** The workspace the entries go to. */
  readonly workspace: string;
  readonly notes: readonly string[];
  readonly preferences: Preferences;
  readonly todayKey: string;
}

const length = (seconds: number) => formatDuration(seconds, seconds % 60 !== 0);

export function EntryPreview({ plan, workspace, notes, preferences, todayKey }: PreviewProps) {
  const { draft, project, tags, items } = plan;
  const { timeZone, timeFormat } = preferences;
  const total = items.reduce((sum, item) => sum + item.durationSeconds, 0);
  return (
    <>
      <div className="what">
        <p className="heading">
          <span className={draft.description ? 'description' : 'description none'}>{draft.description || 'No description'}</span>
          <span className="workspace" title="The workspace the entries are added to">
            {workspace}
          </span>
        </p>
        <p className="meta">
          {project ? (
            <span className="project" style={{ color: project.color }}>
              <span className="dot" style={{ background: project.color }} aria-hidden="true" />
              {project.name}
            </span>
          ) : (
            <span className="none">No project</span>
          )}
          {project?.clientName ? <span className="client">{project.clientName}</span> : null}
          {tags.map((tag) => (
            <span key={tag.id} className="tag">
              {tag.name}
            </span>
          ))}
          <span className={draft.billable ? 'billable on' : 'billable'}>
            {draft.billable ? 'Billable' : 'Not billable'}
            {!plan.billableWritten && project ? <span className="why"> (project default)</span> : null}
          </span>
        </p>
      </div>
      <table className="entries">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">
              Local <span className="zone">{timeZone}</span>
            </th>
            <th scope="col">UTC</th>
            <th scope="col" className="length">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const relative = relativeDay(item.localDate, todayKey);
            return (
              <tr key={item.start}>
                <td title={item.localDate}>
                  {formatDate(item.localDate, todayKey)}
                  {relative ? <span className="relative"> {relative}</span> : null}
                </td>
                <td className="local">
                  <span className="times">
                    {formatClockTime(item.start, timeZone, timeFormat)} – {formatClockTime(item.end, timeZone, timeFormat)}
                  </span>
                  {item.endsNextDay ? <span className="next-day">next day</span> : null}
                </td>
                <td className="utc" title={`${item.start} → ${item.end}`}>
                  {formatUtcRange(item, timeFormat)}
                </td>
                <td className="length">{length(item.durationSeconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notes.length > 0 || items.length > 1 ? (
        <div className="preview-foot">
          <p className="notes">{notes.length > 0 ? formatNotes(notes) : null}</p>
          {items.length > 1 ? (
            <p className="total">
              {entriesWord(items.length)} · {length(total)}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
