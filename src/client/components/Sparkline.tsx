// A small trend line beside a figure: plain SVG, no chart library. It is a picture of what the
// text beside it says, so screen readers are given the words (`description`) and not the drawing.

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 2;

/** The points of a line through `values` scaled into the box; a null breaks the line. */
export function sparklinePaths(values: (number | null)[]): string[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(values.length - 1, 1);
  // A flat line sits in the middle rather than on the floor.
  const y = (v: number) => (max === min ? HEIGHT / 2 : HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / (max - min));
  const paths: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) paths.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length > 1) paths.push(current.join(" "));
  return paths;
}

export function Sparkline({ values, description }: { values: (number | null)[]; description: string }) {
  const paths = sparklinePaths(values);
  return (
    <span className="app-sparkline">
      {paths.length > 0 && (
        <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
          {paths.map((p) => (
            <polyline key={p} points={p} fill="none" stroke="currentColor" strokeWidth="2" />
          ))}
        </svg>
      )}
      <span className={paths.length ? "govuk-visually-hidden" : undefined}>{description}</span>
    </span>
  );
}
