// Timeline chart (uPlot): one line per series, x = bucket start.
import uPlot from 'uplot';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function bucketTime(b) {
  const s = b.length === 7 ? b + '-01' : b;
  return Date.parse(s + 'T00:00:00Z') / 1000;
}

/** renderTimeline draws tl (the /api/v1/timeline response) into el. */
export function renderTimeline(el, tl, onSeries) {
  const xs = tl.buckets.map(bucketTime);
  const data = [xs, ...tl.series.map((s) => s.counts)];
  const width = Math.max(320, el.clientWidth - 20);
  const opts = {
    width,
    height: 400,
    scales: { x: { time: true } },
    series: [{}, ...tl.series.map((s, i) => ({
      label: s.label || s.key,
      stroke: palette[i % palette.length],
      width: 2,
      points: { show: xs.length < 80 },
      paths: xs.length < 3 ? uPlot.paths.points() : undefined,
    }))],
    axes: [{}, { label: '#', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
    legend: { live: true },
  };
  const plot = new uPlot(opts, data, el);
  el.querySelectorAll('.u-legend .u-series').forEach((row, i) => {
    if (i === 0) return;
    row.addEventListener('dblclick', () => onSeries(tl.series[i - 1].key));
  });
  window.addEventListener('resize', () => plot.setSize({ width: Math.max(320, el.clientWidth - 20), height: 400 }), { once: true });
  return plot;
}
