/** The weekly hours editor (open/closed per day, several ranges a day) and the holidays list. */
import { useState } from 'react';

/** `{ mon: [["09:00","17:00"]], … }` as in API.md › Business configuration. */
export type WeeklyHours = Partial<Record<Day, [string, string][]>>;
type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** The days in the order the editor shows them. */
export const DAYS: [Day, string][] = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

/** Edits a week of opening ranges; field errors (e.g. `hours.mon.0`) show beside their day. */
export function HoursEditor({
  value,
  onChange,
  readOnly,
  errors = {},
  prefix = 'hours',
}: {
  value: WeeklyHours;
  onChange(v: WeeklyHours): void;
  readOnly?: boolean;
  errors?: Record<string, string>;
  prefix?: string;
}) {
  const setDay = (d: Day, ranges: [string, string][]) => {
    const next = { ...value };
    if (ranges.length) next[d] = ranges;
    else delete next[d];
    onChange(next);
  };
  return (
    <table className="hours">
      <caption className="sr-only">Opening hours per weekday</caption>
      <tbody>
        {DAYS.map(([d, label]) => {
          const ranges = value[d] ?? [];
          const err = Object.entries(errors).find(
            ([k]) => k === `${prefix}.${d}` || k.startsWith(`${prefix}.${d}.`),
          )?.[1];
          return (
            <tr key={d}>
              <th scope="row">
                <label>
                  <input
                    type="checkbox"
                    checked={ranges.length > 0}
                    disabled={readOnly}
                    aria-label={`Open on ${label}`}
                    onChange={(e) => setDay(d, e.target.checked ? [['09:00', '17:00']] : [])}
                  />{' '}
                  {label}
                </label>
              </th>
              <td>
                {ranges.length === 0 && <span className="muted">Closed</span>}
                {ranges.map(([a, b], i) => (
                  <span className="range" key={i}>
                    <input
                      type="time"
                      aria-label={`${label} opens`}
                      value={a}
                      disabled={readOnly}
                      step={300}
                      onChange={(e) =>
                        setDay(
                          d,
                          ranges.map((r, j) => (j === i ? [e.target.value, r[1]] : r)),
                        )
                      }
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="time"
                      aria-label={`${label} closes`}
                      value={b}
                      disabled={readOnly}
                      step={300}
                      onChange={(e) =>
                        setDay(
                          d,
                          ranges.map((r, j) => (j === i ? [r[0], e.target.value] : r)),
                        )
                      }
                    />
                    {!readOnly && (
                      <button
                        type="button"
                        className="link"
                        aria-label={`Remove ${label} ${a}–${b}`}
                        onClick={() =>
                          setDay(
                            d,
                            ranges.filter((_, j) => j !== i),
                          )
                        }
                      >
                        Remove
                      </button>
                    )}
                  </span>
                ))}
                {!readOnly && ranges.length > 0 && ranges.length < 4 && (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      setDay(d, [...ranges, [ranges[ranges.length - 1][1] <= '18:00' ? '18:00' : '20:00', '21:00']])
                    }
                  >
                    Add a range
                  </button>
                )}
                {err && <small className="field-error">{err}</small>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A list of closed dates with add and remove. */
export function HolidaysEditor({
  value,
  onChange,
  readOnly,
  error,
}: {
  value: string[];
  onChange(v: string[]): void;
  readOnly?: boolean;
  error?: string;
}) {
  const [date, setDate] = useState('');
  return (
    <div className="holidays">
      {value.length === 0 && <p className="muted">No holidays.</p>}
      <ul className="chips">
        {[...value].sort().map((h) => (
          <li key={h}>
            {h}
            {!readOnly && (
              <button
                type="button"
                className="link"
                aria-label={`Remove holiday ${h}`}
                onClick={() => onChange(value.filter((x) => x !== h))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="row">
          <label>
            Add a closed day <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!date || value.includes(date)}
            onClick={() => {
              onChange([...value, date]);
              setDate('');
            }}
          >
            Add holiday
          </button>
        </div>
      )}
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
