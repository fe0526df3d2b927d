// The statistics report as charts: services by month and by region, in the spirit of the
// campaign report's tables. Pure: builds the ECharts options from the API's figures.
import type { ServiceFigures, Statistics } from '../api/service_types';

import type { EChartsCoreOption } from 'echarts/core';

/** The series shown, each a figure of ServiceFigures (or `jobs`), with its translated name. */
export type SeriesLabels = Partial<Record<keyof ServiceFigures | 'jobs', string>>;

function bars(
    categories: string[],
    rows: { jobs: number; services: ServiceFigures }[],
    labels: SeriesLabels,
    horizontal: boolean,
): EChartsCoreOption {
    const keys = Object.keys(labels) as (keyof SeriesLabels)[];
    const categoryAxis = { type: 'category', data: categories };
    const valueAxis = { type: 'value', minInterval: 1 };
    return {
        animation: false,
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: keys.map((key) => ({
            type: 'bar',
            name: labels[key],
            barMaxWidth: 24,
            data: rows.map((row) => (key === 'jobs' ? row.jobs : row.services[key])),
        })),
    };
}

/** Grouped bars per month of the period. */
export function monthlyChartOption(statistics: Statistics, labels: SeriesLabels): EChartsCoreOption {
    return bars(
        statistics.by_month.map((month) => month.period),
        statistics.by_month,
        labels,
        false,
    );
}

/** Horizontal bars per region, the first region at the top. */
export function regionChartOption(statistics: Statistics, labels: SeriesLabels): EChartsCoreOption {
    // ECharts draws a category axis from the bottom up.
    const regions = [...statistics.by_region].reverse();
    return bars(
        regions.map((region) => region.region),
        regions,
        labels,
        true,
    );
}
