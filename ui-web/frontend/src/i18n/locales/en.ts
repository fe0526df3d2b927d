// English messages: the reference set. zh-CN.ts has exactly the same keys (checked by the
// compiler through the Messages type and by tests/i18n.test.ts).
//
// Layout: `app` the shell, `common` words used on many pages, `errors` the API's error codes,
// `units`/`quantities`/`components` names the API sends as codes, then one section per page
// (`dashboard`, `jobs`, `job`, `notFound`).
const en = {
    app: {
        name: 'callab',
        tagline: 'Calibration laboratory',
        nav: {
            dashboard: 'Dashboard',
            jobs: 'Jobs',
        },
        language: 'Language',
        plainView: 'Page without JavaScript',
    },
    common: {
        retry: 'Try again',
        refresh: 'Refresh',
    },
    errors: {
        title: 'The server could not answer this request',
        statusLine: 'HTTP {status} · {code}',
        codes: {
            network: 'The server cannot be reached. Check that callab is running.',
            bad_response: 'The server sent an answer that is not callab’s.',
            not_found: 'Not found.',
            method_not_allowed: 'This action is not allowed here.',
            bad_request: 'The request was malformed.',
            payload_too_large: 'The request is too large.',
            internal: 'The server failed; the failure has been logged.',
        },
    },
    quantities: {
        object_temperature: 'Object temperature',
    },
    components: {
        repeatability: 'Repeatability (Type A)',
        resolution: 'Resolution of the indication (Type B)',
    },
    health: {
        title: 'Server',
        status: 'Status',
        running: 'Running',
        version: 'Version',
        database: 'Database',
    },
    dashboard: {
        title: 'Dashboard',
        jobCount: 'Calibration jobs',
        readingCount: 'Readings',
        finishedCount: 'Jobs with a result',
        recentJobs: 'Recent jobs',
        allJobs: 'All jobs',
    },
    jobs: {
        title: 'Calibration jobs',
        total: '{total} job | {total} jobs',
        empty: 'No calibration jobs yet.',
        filter: 'Filter by title or instrument',
        columns: {
            id: 'No.',
            title: 'Job',
            instrument: 'Instrument',
            readings: 'Readings',
            result: 'Result (y ± U)',
            created: 'Created',
        },
        waiting: 'Waiting for readings',
    },
    job: {
        title: 'Job {id}',
        details: 'Details',
        instrument: 'Instrument',
        quantity: 'Quantity',
        unit: 'Unit',
        resolution: 'Resolution',
        created: 'Created',
        result: {
            title: 'Result',
            statement: 'y = {mean} ± {U} (k = {k}, p ≈ {p})',
            pending: 'Waiting for readings: {count} so far, at least 2 are needed.',
            n: 'Readings n',
            mean: 'Mean y',
            s: 'Standard deviation s',
            u: 'Standard uncertainty u',
            dof: 'Effective degrees of freedom ν_eff',
            k: 'Coverage factor k',
            p: 'Coverage probability p',
            U: 'Expanded uncertainty U = k·u',
        },
        readings: {
            title: 'Readings',
            chart: 'Readings over time',
            index: 'No.',
            value: 'Reading',
            takenAt: 'Taken at',
            source: 'Source',
            recordedBy: 'Recorded by',
            mean: 'Mean',
            band: 'y ± U',
            none: 'No readings yet.',
        },
        budget: {
            title: 'Uncertainty budget',
            chart: 'Contributions to the combined variance',
            component: 'Component',
            u: 'Standard uncertainty u(xᵢ)',
            c: 'Sensitivity cᵢ',
            contribution: "Contribution {'|'}cᵢ{'|'}·u(xᵢ)",
            share: 'Share',
            dof: 'Degrees of freedom νᵢ',
            combined: 'Combined',
        },
    },
    notFound: {
        title: 'Page not found',
        text: 'There is no page at {path}.',
        home: 'Go to the dashboard',
    },
};

export type Messages = typeof en;
export default en;
