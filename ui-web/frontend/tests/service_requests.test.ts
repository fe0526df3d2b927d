import type { ServiceFigures, Statistics } from '../src/api/service_types';
import { queryString } from '../src/api/service_requests';
import { monthlyChartOption, regionChartOption } from '../src/charts/statistics_chart';
import { conversionField, parseIdList, parseLines, requestActions, statusTagType } from '../src/format/service_request';

import { describe, expect, it } from 'vitest';

describe('service request steps', () => {
    it('let staff decide and enterprises answer, and nobody change a closed request', () => {
        expect(requestActions('submitted', true)).toEqual(['accept', 'reject', 'ask']);
        expect(requestActions('submitted', false)).toEqual([]);
        expect(requestActions('question_asked', false)).toEqual(['answer']);
        expect(requestActions('question_asked', true)).toEqual(['answer', 'reject']);
        expect(requestActions('accepted', true)).toEqual(['convert']);
        expect(requestActions('accepted', false)).toEqual([]);
        expect(requestActions('rejected', true)).toEqual([]);
        expect(requestActions('completed', true)).toEqual([]);
    });

    it('convert each kind into what it becomes', () => {
        expect(conversionField('calibration')).toBe('job_ids');
        expect(conversionField('equipment_loan')).toBe('booking_ids');
        expect(conversionField('technical_advice')).toBe('written_answer');
        expect(statusTagType('rejected')).toBe('danger');
        expect(statusTagType('question_asked')).toBe('warning');
    });

    it('read id lists and name lists as typed', () => {
        expect(parseIdList('3, 4 5')).toEqual([3, 4, 5]);
        expect(parseIdList('7，8')).toEqual([7, 8]);
        expect(parseIdList('')).toEqual([]);
        expect(parseIdList('3, x')).toBeUndefined();
        expect(parseIdList('0')).toBeUndefined();
        expect(parseIdList('-2')).toBeUndefined();
        expect(parseLines(' Wang Fang \n\nZhao Lei\n')).toEqual(['Wang Fang', 'Zhao Lei']);
    });

    it('put only the parameters that are set in the query', () => {
        expect(queryString({ status: '', page: 2, per_page: undefined })).toBe('?page=2');
        expect(queryString({ region: 'Henan/Zhengzhou' })).toBe('?region=Henan%2FZhengzhou');
        expect(queryString({})).toBe('');
    });
});

function figures(partial: Partial<ServiceFigures>): ServiceFigures {
    return {
        requests_received: 0,
        requests_handled: 0,
        visits: 0,
        trainings: 0,
        training_attendees: 0,
        consultations: 0,
        attendees: 0,
        problems_solved: 0,
        ...partial,
    };
}

const statistics: Statistics = {
    from: '2021-06-01',
    to: '2021-07-31',
    enterprises_served: 2,
    jobs: 3,
    jobs_issued: 1,
    free_jobs: 1,
    fees_waived: 40,
    fees_charged: 250.5,
    bookings: 0,
    booked_hours: 0,
    standards_in_service: 1,
    jobs_by_kind: {},
    services: figures({ requests_received: 2, visits: 1, trainings: 1 }),
    requests_by_kind: [],
    by_region: [
        { region: 'Fujian/Fuzhou', enterprises_served: 1, jobs: 2, free_jobs: 1, fees_waived: 40, services: figures({ visits: 1 }) },
        { region: 'Henan/Zhengzhou', enterprises_served: 1, jobs: 1, free_jobs: 0, fees_waived: 0, services: figures({ trainings: 1, problems_solved: 3 }) },
    ],
    by_month: [
        { period: '2021-06', jobs: 1, free_jobs: 0, fees_waived: 0, services: figures({ requests_received: 1, visits: 1 }) },
        { period: '2021-07', jobs: 2, free_jobs: 1, fees_waived: 40, services: figures({ requests_received: 1, trainings: 1 }) },
    ],
};

interface BarSeries {
    name: string;
    data: number[];
}

describe('statistics charts', () => {
    it('draw one bar group per month with one series per figure asked for', () => {
        const option = monthlyChartOption(statistics, { jobs: 'Jobs', requests_received: 'Received', visits: 'Visits' });
        expect((option.xAxis as { data: string[] }).data).toEqual(['2021-06', '2021-07']);
        const series = option.series as BarSeries[];
        expect(series.map((s) => s.name)).toEqual(['Jobs', 'Received', 'Visits']);
        expect(series.map((s) => s.data)).toEqual([
            [1, 2],
            [1, 1],
            [1, 0],
        ]);
    });

    it('draw regions as horizontal bars with the first region at the top', () => {
        const option = regionChartOption(statistics, { trainings: 'Trainings', problems_solved: 'Problems' });
        expect((option.yAxis as { data: string[] }).data).toEqual(['Henan/Zhengzhou', 'Fujian/Fuzhou']);
        expect((option.series as BarSeries[]).map((s) => s.data)).toEqual([
            [1, 0],
            [3, 0],
        ]);
    });
});
