import { BAR_HEIGHT, CHART_WIDTH, layoutChart, type ChartBar } from "./chart";

/**
 * A bar chart as SVG, drawn on the server: it needs no JavaScript. Screen readers hear
 * its title and the text summary under it (aria-describedby); the numbers are in the
 * table the page puts beside it. Colours come from classes, so high contrast and print
 * can change them.
 */
export function ChartFigure({ id, title, summary, bars, legend }: { id: string; title: string; summary: string; bars: ChartBar[]; legend?: string[] }) {
  const { height, bars: laid } = layoutChart(bars);
  return (
    <figure className="app-chart" id={id}>
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <line className="app-chart__axis" x1="1" x2="1" y1="0" y2={height} />
        {laid.map((bar, i) => (
          <g key={i}>
            {bar.lines.map((line, l) => (
              <text key={l} className="app-chart__label" x="8" y={line.y}>
                {line.text}
              </text>
            ))}
            {bar.barWidth > 0 ? (
              <rect className={`app-chart__bar app-chart__bar--${bar.series ?? 0}`} x="1" y={bar.barY} width={bar.barWidth} height={BAR_HEIGHT} />
            ) : null}
            <text className="app-chart__value" x={bar.textX} y={bar.textY}>
              {bar.text}
            </text>
          </g>
        ))}
      </svg>
      {legend && legend.length > 1 ? (
        <ul className="app-chart__legend govuk-list" aria-hidden="true">
          {legend.map((name, s) => (
            <li key={s}>
              <span className={`app-chart__key app-chart__bar--${s}`} /> {name}
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption className="govuk-body app-chart__summary" id={`${id}-summary`}>
        {summary}
      </figcaption>
    </figure>
  );
}
