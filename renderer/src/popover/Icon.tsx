// The few icons the popover uses, as inline SVG (no icon font, nothing to load, CSP-safe).
const paths = {
  play: <path d="M5.5 3.8v8.4a.5.5 0 0 0 .77.42l6.5-4.2a.5.5 0 0 0 0-.84l-6.5-4.2a.5.5 0 0 0-.77.42z" className="fill" />,
  stop: <rect x="4" y="4" width="8" height="8" rx="1.5" className="fill" />,
  edit: <path d="M10.5 3.5l2 2L6 12H4v-2z M9.5 4.5l2 2" />,
  trash: <path d="M3.5 4.5h9 M6.5 4.5V3h3v1.5 M4.5 4.5l.6 8.2a1 1 0 0 0 1 .8h3.8a1 1 0 0 0 1-.8l.6-8.2" />,
  close: <path d="M4.5 4.5l7 7 M11.5 4.5l-7 7" />,
  pending: <path d="M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z M8 5v3.2l2 1.3" />,
  warning: <path d="M8 2.5l6 10.5H2z M8 6.5v3 M8 11.2v.1" />,
  offline: <path d="M2.5 6.5a8 8 0 0 1 11 0 M4.5 8.7a5 5 0 0 1 7 0 M6.6 10.9a2 2 0 0 1 2.8 0 M3 3l10 10" />,
  check: <path d="M3.5 8.5l3 3 6-7" />,
  more: (
    <g className="fill">
      <circle cx="3.5" cy="8" r="1.3" />
      <circle cx="8" cy="8" r="1.3" />
      <circle cx="12.5" cy="8" r="1.3" />
    </g>
  ),
  person: <path d="M8 8.2a2.6 2.6 0 1 0 0-5.2 2.6 2.6 0 0 0 0 5.2z M3 13.5c.6-2.4 2.6-3.6 5-3.6s4.4 1.2 5 3.6" />,
  star: <path d="M8 2.5l1.7 3.5 3.8.5-2.8 2.6.7 3.8L8 11.1l-3.4 1.8.7-3.8-2.8-2.6 3.8-.5z" />,
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon${className ? ` ${className}` : ''}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
