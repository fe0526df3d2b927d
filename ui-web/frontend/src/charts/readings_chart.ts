// The readings of a job over time, with the mean and the band y ± U. Pure: builds the
// ECharts option from the job, so it is unit-tested without a browser.
import type { Job } from '../api/types';
import { formatFixed, resultDecimals } from '../format/number';
import { formatTimeOfDay } from '../format/time';
import { unitSymbol } from '../format/units';

import type { EChartsCoreOption } from 'echarts/core';

export interface ReadingsChartLabels {
    reading: string;
    mean: string;
    band: string;
}

export function readingsChartOption(
    job: Job,
    labels: ReadingsChartLabels,
    locale: string,
): EChartsCoreOption {
    const unit = unitSymbol(job.unit);
    const decimals = job.result ? resultDecimals(job.result.U) : 2;
    const points = job.readings.map((r) => [Date.parse(r.taken_at), r.value]);
    const series: Record<string, unknown> = {
        name: labels.reading,
        type: 'line',
        data: points,
        showSymbol: true,
        symbolSize: 7,
        lineStyle: { width: 1.5 },
    };
    if (job.result) {
        const { mean, U } = job.result;
        series.markLine = {
            symbol: 'none',
            label: { position: 'insideEndTop', formatter: `${labels.mean} ${formatFixed(mean, decimals, locale)} ${unit}` },
            data: [{ yAxis: mean }],
        };
        series.markArea = {
            silent: true,
            itemStyle: { color: 'rgba(64, 158, 255, 0.12)' },
            label: { show: true, position: 'insideTopLeft', formatter: labels.band },
            data: [[{ yAxis: mean - U }, { yAxis: mean + U }]],
        };
    }
    return {
        animation: false,
        grid: { left: 64, right: 24, top: 24, bottom: 48 },
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
        series: [series],
    };
}
