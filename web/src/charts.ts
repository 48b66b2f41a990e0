import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, Filler } from 'chart.js';
import { h } from './dom.js';
import { shortLabel } from './lists.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, Filler);

/** A palette with enough contrast on white for lines and bars. */
const PALETTE = ['#1f5fa8', '#b3471d', '#2e7d32', '#7b3fa0', '#8a6d00', '#00838f', '#c2185b', '#4e5b6b', '#5d4037', '#33691e', '#283593', '#ad1457', '#006064', '#827717'];

function canvas(label: string): { wrap: HTMLElement; canvas: HTMLCanvasElement } {
  const c = h('canvas', { attrs: { role: 'img', 'aria-label': label } });
  return { wrap: h('div', { class: 'chart' }, c), canvas: c };
}

/**
 * Articles over time: the attention curve. Straight segments (a smoothed curve dips between
 * points and reads as fractions of articles); `labels` are the x-axis labels (default the values).
 */
export function lineChart(label: string, points: Array<{ value: string; count: number }>, labels: string[] = points.map((p) => p.value)): HTMLElement {
  const { wrap, canvas: c } = canvas(label);
  queueMicrotask(() => new Chart(c, {
    type: 'line',
    data: { labels, datasets: [{ label, data: points.map((p) => p.count), borderColor: PALETTE[0], backgroundColor: 'rgba(31,95,168,0.15)', fill: true, tension: 0 }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }));
  return wrap;
}

/** Stacked bars: one bar per row key (outlet), one colour per series (technique); `precision`: decimals on the value axis. */
export function stackedBars(label: string, table: Record<string, Record<string, number>>, seriesName: (s: string) => string = (s) => s, precision = 0): HTMLElement {
  const rows = Object.keys(table).sort();
  const series = [...new Set(rows.flatMap((r) => Object.keys(table[r])))].sort();
  const { wrap, canvas: c } = canvas(label);
  queueMicrotask(() => new Chart(c, {
    type: 'bar',
    data: { labels: rows, datasets: series.map((s, i) => ({ label: seriesName(s), data: rows.map((r) => table[r][s] ?? 0), backgroundColor: PALETTE[i % PALETTE.length] })) },
    options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision } }, y: { stacked: true, ticks: { callback: (i) => shortLabel(rows[Number(i)] ?? '') } } } },
  }));
  return wrap;
}

/** Simple bars for counts over time or categories; `labels` are the x-axis labels (default the values). */
export function bars(label: string, points: Array<{ value: string; count: number }>, labels: string[] = points.map((p) => p.value)): HTMLElement {
  const { wrap, canvas: c } = canvas(label);
  queueMicrotask(() => new Chart(c, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: points.map((p) => p.count), backgroundColor: PALETTE[0] }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }));
  return wrap;
}
