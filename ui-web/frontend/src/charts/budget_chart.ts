// The contribution of each budget line to the combined variance, as horizontal bars in
// percent. Pure: builds the ECharts option from the budget.
import type { BudgetLine } from '../api/types';
import { formatPercent } from '../format/number';

import type { EChartsCoreOption } from 'echarts/core';

export function budgetChartOption(
    budget: readonly BudgetLine[],
    componentName: (name: string) => string,
    locale: string,
): EChartsCoreOption {
    // Largest at the top: ECharts draws a category axis from the bottom up.
    const lines = [...budget].sort((a, b) => a.share - b.share);
    return {
        animation: false,
        grid: { left: 8, right: 72, top: 8, bottom: 24, containLabel: true },
        tooltip: {
            trigger: 'axis',
            axisPointer: { type: 'shadow' },
            valueFormatter: (value: unknown) =>
                typeof value === 'number' ? formatPercent(value / 100, locale) : '',
        },
        xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        yAxis: { type: 'category', data: lines.map((line) => componentName(line.name)) },
        series: [
            {
                type: 'bar',
                data: lines.map((line) => line.share * 100),
                barMaxWidth: 28,
                label: {
                    show: true,
                    position: 'right',
                    formatter: (p: { value: number }) => formatPercent(p.value / 100, locale),
                },
            },
        ],
    };
}
