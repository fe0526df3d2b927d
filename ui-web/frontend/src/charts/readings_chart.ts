// The readings of a job over time, one series per test point: the device under test's
// indications at each point, with the reference's mean at that point once the point has a
// result (the error is the gap between them). A job whose readings name no test point has one
// series, with the mean and the band y ± U of its result. Pure: builds the ECharts option from
// the job, so it is unit-tested without a browser.
import type { PointResult } from '../api/runs';
import type { MeasurementResult, Reading } from '../api/types';
import { formatFixed, resultDecimals } from '../format/number';
import { isReferenceReading } from '../format/run_view';
import { formatTimeOfDay } from '../format/time';
import { unitSymbol } from '../format/units';

import type { EChartsCoreOption } from 'echarts/core';

export interface ReadingsChartLabels {
    reading: string;
    mean: string;
    band: string;
    /** The name of a test point's series, e.g. "Point 2 (37 °C)". */
    point: (point: number, nominal: string | undefined) => string;
    referenceMean: string;
}

/** What the chart needs of a job (`Job` or `RunJob`). */
export interface ReadingsChartJob {
    unit: string;
    readings: (Reading & { test_point?: number })[];
    result: MeasurementResult | null;
    run?: { points: PointResult[] } | null;
}

/** One test point's device readings as [time, value], with its result when computed. */
export interface PointSeries {
    point: number;
    data: [number, number][];
    result: PointResult | undefined;
}

/** The device under test's readings grouped per test point, by point. */
export function readingsPerPoint(job: ReadingsChartJob): PointSeries[] {
    const points = new Map<number, PointSeries>();
    for (const reading of job.readings) {
        if (isReferenceReading(reading.source)) {
            continue;
        }
        const point = reading.test_point ?? 0;
        let series = points.get(point);
        if (series === undefined) {
            series = { point, data: [], result: undefined };
            points.set(point, series);
        }
        series.data.push([Date.parse(reading.taken_at), reading.value]);
    }
    for (const result of job.run?.points ?? []) {
        const series = points.get(result.test_point);
        if (series !== undefined) {
            series.result = result;
        }
    }
    return [...points.values()].sort((a, b) => a.point - b.point);
}

export function readingsChartOption(
    job: ReadingsChartJob,
    labels: ReadingsChartLabels,
    locale: string,
): EChartsCoreOption {
    const unit = unitSymbol(job.unit);
    const perPoint = readingsPerPoint(job);
    const byPoint = (job.run?.points ?? []).length > 0 || job.readings.some((r) => (r.test_point ?? 0) > 0);
    const firstU = job.run?.points[0]?.U ?? job.result?.U;
    const decimals = firstU !== undefined ? resultDecimals(firstU) : 2;
    const series = perPoint.map((p) => {
        // A point's values are rounded to its own U, as in the per-point results table.
        const own = p.result ? resultDecimals(p.result.U) : decimals;
        const nominal = p.result ? `${formatFixed(p.result.nominal, own, locale)} ${unit}` : undefined;
        const entry: Record<string, unknown> = {
            name: byPoint ? labels.point(p.point + 1, nominal) : labels.reading,
            type: 'line',
            data: p.data,
            showSymbol: true,
            symbolSize: 7,
            lineStyle: { width: 1.5 },
        };
        if (p.result) {
            const reference = p.result.reference_mean;
            entry.markLine = {
                symbol: 'none',
                lineStyle: { type: 'dashed' },
                label: {
                    position: 'insideEndTop',
                    formatter: `${labels.referenceMean} ${formatFixed(reference, own, locale)} ${unit}`,
                },
                data: [{ yAxis: reference }],
            };
        } else if (!byPoint && job.result) {
            const { mean, U } = job.result;
            entry.markLine = {
                symbol: 'none',
                label: { position: 'insideEndTop', formatter: `${labels.mean} ${formatFixed(mean, decimals, locale)} ${unit}` },
                data: [{ yAxis: mean }],
            };
            entry.markArea = {
                silent: true,
                itemStyle: { color: 'rgba(64, 158, 255, 0.12)' },
                label: { show: true, position: 'insideTopLeft', formatter: labels.band },
                data: [[{ yAxis: mean - U }, { yAxis: mean + U }]],
            };
        }
        return entry;
    });
    return {
        animation: false,
        grid: { left: 64, right: 24, top: byPoint ? 48 : 24, bottom: 48 },
        legend: byPoint ? { top: 0, type: 'scroll' } : undefined,
        tooltip: {
            trigger: 'axis',
            valueFormatter: (value: unknown) =>
                typeof value === 'number' ? `${formatFixed(value, decimals + 1, locale)} ${unit}` : '',
        },
        xAxis: {
            type: 'time',
            axisLabel: {
                hideOverlap: true,
                formatter: (value: number) => formatTimeOfDay(new Date(value).toISOString(), locale),
            },
        },
        yAxis: {
            type: 'value',
            scale: true,
            name: unit,
            axisLabel: { formatter: (value: number) => formatFixed(value, decimals, locale) },
        },
        series,
    };
}
