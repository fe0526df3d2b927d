// The parts of ECharts the app uses, registered once. Adding a chart type means adding it here.
import { BarChart, LineChart } from 'echarts/charts';
import {
    GridComponent,
    LegendComponent,
    MarkAreaComponent,
    MarkLineComponent,
    TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
    BarChart,
    LineChart,
    GridComponent,
    LegendComponent,
    TooltipComponent,
    MarkLineComponent,
    MarkAreaComponent,
    CanvasRenderer,
]);

export { init } from 'echarts/core';
export type { EChartsCoreOption, EChartsType } from 'echarts/core';
