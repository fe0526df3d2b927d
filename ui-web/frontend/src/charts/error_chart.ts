// The error of the device under test at each test point with its expanded uncertainty as an
// error bar (error ± U), and the maximum permissible error as limits when known. Pure: builds
// the ECharts option from the run's points.
import type { ErrorPoint } from '../format/run_view';
import { formatFixed, resultDecimals } from '../format/number';
import { unitSymbol } from '../format/units';

import type { EChartsCoreOption } from 'echarts/core';

export interface ErrorChartLabels {
    error: string;
    uncertainty: string;
    limit: string;
    nominal: string;
}

export function errorChartOption(
    points: readonly ErrorPoint[],
    unit: string,
    labels: ErrorChartLabels,
    locale: string,
    mpe?: number,
): EChartsCoreOption {
    const symbol = unitSymbol(unit);
    const decimals = points.length > 0 ? resultDecimals(Math.min(...points.map((p) => p.U))) : 2;
    // Each bar is a short line from error − U to error + U with a cap at both ends.
    const bars = points.map((p) => ({
        name: labels.uncertainty,
        type: 'line',
        data: [
            [p.nominal, p.error - p.U],
            [p.nominal, p.error + p.U],
        ],
        symbol: 'rect',
        symbolSize: [12, 2],
        lineStyle: { width: 2, color: '#909399' },
        itemStyle: { color: '#909399' },
        tooltip: { show: false },
        silent: true,
    }));
    const errors: Record<string, unknown> = {
        name: labels.error,
        type: 'line',
        data: points.map((p) => [p.nominal, p.error]),
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 1, type: 'dashed' },
        z: 3,
    };
    if (mpe !== undefined && mpe > 0) {
        errors.markLine = {
            symbol: 'none',
            lineStyle: { color: '#f56c6c', type: 'dashed' },
            label: { formatter: `${labels.limit} {c} ${symbol}` },
            data: [{ yAxis: mpe }, { yAxis: -mpe }],
        };
    }
    return {
        animation: false,
        grid: { left: 64, right: 32, top: 24, bottom: 48 },
        tooltip: {
            trigger: 'item',
            formatter: (p: { value: [number, number] }) =>
                `${labels.nominal} ${formatFixed(p.value[0], 1, locale)} ${symbol}<br>` +
                `${labels.error} ${formatFixed(p.value[1], decimals, locale)} ${symbol}`,
        },
        xAxis: { type: 'value', scale: true, name: symbol, nameLocation: 'middle', nameGap: 28 },
        yAxis: {
            type: 'value',
            scale: true,
            name: symbol,
            axisLabel: { formatter: (value: number) => formatFixed(value, decimals, locale) },
        },
        series: [...bars, errors],
    };
}
