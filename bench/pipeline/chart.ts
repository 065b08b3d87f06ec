/**
 * The benchmark's chart: an inline SVG (throughput against baseline and target, latency
 * percentiles per fixed rate against the 1 s target, objects/s second by second at the maximum),
 * rendered to PNG by the Debian chromium through playwright-core; no charting package.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

export interface ChartData {
  readonly title: string;
  readonly throughput: readonly { readonly label: string; readonly objectsPerSecond: number }[];
  readonly throughputTarget: number;
  readonly latency: readonly { readonly label: string; readonly p50: number; readonly p95: number; readonly p99: number }[];
  readonly latencyTargetMs: number;
  /** Objects/s per second of the max phases, by series name. */
  readonly series: readonly { readonly label: string; readonly perSecond: readonly number[] }[];
}

const WIDTH = 1200;
const PANEL_HEIGHT = 300;
const COLOURS = ['#1f6fb2', '#e07b39', '#3a9a5b', '#a14ea1', '#888888'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const format = (value: number) => Math.round(value).toLocaleString('en-US');

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return Math.ceil(value / magnitude) * magnitude;
}

function axis(x: number, y: number, width: number, height: number, max: number, unit: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const ty = y + height - share * height;
    return `<line x1="${x}" x2="${x + width}" y1="${ty}" y2="${ty}" stroke="#ddd"/><text x="${x - 6}" y="${ty + 4}" text-anchor="end" font-size="11">${format(max * share)}</text>`;
  });
  return `${ticks.join('')}<text x="${x}" y="${y - 8}" font-size="12" fill="#444">${escape(unit)}</text>`;
}

function throughputPanel(data: ChartData, x: number, y: number, width: number, height: number): string {
  const max = niceMax(Math.max(data.throughputTarget, ...data.throughput.map((bar) => bar.objectsPerSecond)) * 1.1);
  const slot = width / Math.max(data.throughput.length, 1);
  const bars = data.throughput.map((bar, i) => {
    const barHeight = (bar.objectsPerSecond / max) * height;
    const bx = x + i * slot + slot * 0.2;
    return (
      `<rect x="${bx}" y="${y + height - barHeight}" width="${slot * 0.6}" height="${barHeight}" fill="${COLOURS[i % COLOURS.length]}"/>` +
      `<text x="${bx + slot * 0.3}" y="${y + height - barHeight - 4}" text-anchor="middle" font-size="12">${format(bar.objectsPerSecond)}</text>` +
      `<text x="${bx + slot * 0.3}" y="${y + height + 16}" text-anchor="middle" font-size="12">${escape(bar.label)}</text>`
    );
  });
  const ty = y + height - (data.throughputTarget / max) * height;
  const target = `<line x1="${x}" x2="${x + width}" y1="${ty}" y2="${ty}" stroke="#c00" stroke-dasharray="6 4"/><text x="${x + width}" y="${ty - 4}" text-anchor="end" font-size="11" fill="#c00">target ${format(data.throughputTarget)}</text>`;
  return axis(x, y, width, height, max, 'objects/s end to end (sustained)') + bars.join('') + target;
}

function latencyPanel(data: ChartData, x: number, y: number, width: number, height: number): string {
  const max = niceMax(Math.max(data.latencyTargetMs, ...data.latency.map((group) => group.p99)) * 1.1);
  const slot = width / Math.max(data.latency.length, 1);
  const keys = ['p50', 'p95', 'p99'] as const;
  const groups = data.latency.map((group, i) => {
    const bars = keys.map((key, k) => {
      const barHeight = (group[key] / max) * height;
      const bx = x + i * slot + slot * 0.1 + k * slot * 0.27;
      return (
        `<rect x="${bx}" y="${y + height - barHeight}" width="${slot * 0.25}" height="${barHeight}" fill="${COLOURS[k]}"/>` +
        `<text x="${bx + slot * 0.125}" y="${y + height - barHeight - 4}" text-anchor="middle" font-size="11">${format(group[key])}</text>`
      );
    });
    return bars.join('') + `<text x="${x + i * slot + slot / 2}" y="${y + height + 16}" text-anchor="middle" font-size="12">${escape(group.label)}</text>`;
  });
  const ty = y + height - (data.latencyTargetMs / max) * height;
  const target = `<line x1="${x}" x2="${x + width}" y1="${ty}" y2="${ty}" stroke="#c00" stroke-dasharray="6 4"/><text x="${x + width}" y="${ty - 4}" text-anchor="end" font-size="11" fill="#c00">p99 target ${format(data.latencyTargetMs)} ms</text>`;
  const legend = keys.map((key, k) => `<rect x="${x + width - 150 + k * 50}" y="${y - 20}" width="10" height="10" fill="${COLOURS[k]}"/><text x="${x + width - 137 + k * 50}" y="${y - 11}" font-size="11">${key}</text>`);
  return axis(x, y, width, height, max, 'POST → published, ms (first versions)') + groups.join('') + target + legend.join('');
}

function seriesPanel(data: ChartData, x: number, y: number, width: number, height: number): string {
  const max = niceMax(Math.max(1, ...data.series.flatMap((line) => line.perSecond)) * 1.1);
  const longest = Math.max(2, ...data.series.map((line) => line.perSecond.length));
  const lines = data.series.map((line, i) => {
    const points = line.perSecond.map((value, s) => `${x + (s / (longest - 1)) * width},${y + height - (value / max) * height}`).join(' ');
    return (
      `<polyline points="${points}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>` +
      `<rect x="${x + 10}" y="${y + 6 + i * 16}" width="10" height="10" fill="${COLOURS[i % COLOURS.length]}"/><text x="${x + 24}" y="${y + 15 + i * 16}" font-size="11">${escape(line.label)}</text>`
    );
  });
  return axis(x, y, width, height, max, 'objects/s, second by second, at the maximum') + lines.join('') + `<text x="${x + width}" y="${y + height + 16}" text-anchor="end" font-size="11">${longest} s</text>`;
}

export function chartSvg(data: ChartData): string {
  const half = (WIDTH - 160) / 2;
  const height = 70 + PANEL_HEIGHT * 2 + 10;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="20" y="28" font-size="16" font-weight="bold">${escape(data.title)}</text>` +
    throughputPanel(data, 70, 70, half - 20, PANEL_HEIGHT - 60) +
    latencyPanel(data, 70 + half + 60, 70, half - 20, PANEL_HEIGHT - 60) +
    seriesPanel(data, 70, 70 + PANEL_HEIGHT + 30, WIDTH - 120, PANEL_HEIGHT - 60) +
    `</svg>`
  );
}

export async function renderPng(svg: string, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path });
  } finally {
    await browser.close();
  }
}
