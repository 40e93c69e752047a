/** A tiny SVG bar chart (no chart library: the first load stays small). */

/** Bars of `values` labelled by `labels`; the table fallback is for screen readers. */
export function BarChart({ labels, values, title }: { labels: string[]; values: number[]; title: string }) {
  const max = Math.max(1, ...values);
  const W = 100 / Math.max(values.length, 1);
  return (
    <figure className="chart">
      <svg
        viewBox="0 0 100 44"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title}: ${values.reduce((a, b) => a + b, 0)} in total`}
      >
        {values.map((v, i) => {
          const h = (v / max) * 38;
          return (
            <rect
              key={i}
              x={i * W + W * 0.15}
              y={40 - h}
              width={W * 0.7}
              height={Math.max(h, v > 0 ? 0.8 : 0)}
              rx="0.6"
            >
              <title>{`${labels[i]}: ${v}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1="40.2" x2="100" y2="40.2" />
      </svg>
      <figcaption className="row space muted small">
        <span>{labels[0]}</span>
        <span>
          {title} (max {max})
        </span>
        <span>{labels[labels.length - 1]}</span>
      </figcaption>
    </figure>
  );
}
