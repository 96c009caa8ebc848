import { formatUsd } from "@/lib/accounts/budget.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";

const WIDTH = 600;
const HEIGHT = 160;
const BOTTOM = 20;
const LEFT = 4;

/**
 * Spend per day as an SVG bar chart, drawn on the server: readable without
 * JavaScript, and announced as one image whose title and description say
 * the total and the highest day (the table below has every figure).
 */
export function UsageChart(
  { lang, days }: { lang: Lang; days: { day: string; cost: number }[] },
) {
  const max = Math.max(0, ...days.map((d) => d.cost));
  const top = days.reduce((a, b) => (b.cost > a.cost ? b : a), days[0]);
  const total = days.reduce((sum, d) => sum + d.cost, 0);
  const slot = (WIDTH - LEFT) / days.length;
  const usable = HEIGHT - BOTTOM - 4;
  return (
    <svg
      class="usage-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="usage-chart-title usage-chart-desc"
    >
      <title id="usage-chart-title">{t(lang, "usage.chart")}</title>
      <desc id="usage-chart-desc">
        {t(lang, "usage.chart_desc", {
          total: formatUsd(total),
          max: formatUsd(max),
          day: top?.day ?? "",
        })}
      </desc>
      <line
        class="axis"
        x1={LEFT}
        x2={WIDTH}
        y1={HEIGHT - BOTTOM}
        y2={HEIGHT - BOTTOM}
      />
      {days.map((d, i) => {
        // A day with any spend shows at least a sliver, so it is seen.
        const h = max > 0 && d.cost > 0
          ? Math.max(2, (d.cost / max) * usable)
          : 0;
        return (
          <rect
            key={d.day}
            class="bar"
            data-day={d.day}
            data-cost={d.cost}
            x={LEFT + i * slot + slot * 0.15}
            y={HEIGHT - BOTTOM - h}
            width={slot * 0.7}
            height={h}
          >
            <title>{`${d.day}: ${formatUsd(d.cost)}`}</title>
          </rect>
        );
      })}
      {days.filter((_, i) => i % 7 === 0 || i === days.length - 1).map((d) => {
        const i = days.indexOf(d);
        return (
          <text
            key={`label-${d.day}`}
            x={LEFT + i * slot + slot / 2}
            y={HEIGHT - 6}
            text-anchor="middle"
          >
            {d.day.slice(5)}
          </text>
        );
      })}
    </svg>
  );
}
