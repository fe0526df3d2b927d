// Certificates in chromium against `callab serve --simulated-bench`: a job measured on the
// simulators and reviewed over the API; a signatory approves and issues it in the approval
// queue, the certificate page shows it valid with its PDF (application/pdf, the recorded
// SHA-256) and its verification page, which also opens without signing in. Screenshots of
// each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/certificates_test.mjs
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
    addUsers,
    apiClient,
    assertFitsTablet,
    callab,
    chromium,
    creditCode,
    launchOptions,
    scratchSpace,
    screenshot,
    signIn,
    startServer,
    watchConsole,
} from './support.mjs';

const password = 'certificates browser test';
const { scratch, database } = scratchSpace('certificates');
const problems = [];
let server;
let base;
let context;
let page;
let job;

/** A signed-in API client: the session cookie and the CSRF token of `username`. */
function apiAs(username) {
    return apiClient(base, username, password);
}

/** A job of a registered enterprise and instrument, measured on the simulators and reviewed. */
async function reviewedJob() {
    const technician = await apiAs('zhang.min');
    const enterprise = await technician('POST', '/api/enterprises', {
        name: 'Wenzhou Clinic Supplies Co.',
        credit_code: creditCode('91330300MA2CERT01'),
        region: 'Zhejiang/Wenzhou',
    });
    assert.equal(enterprise.status, 201, enterprise.text);
    const instrument = await technician('POST', '/api/instruments', {
        kind: 'ir_forehead_thermometer',
        maker: 'Example Electronics',
        model: 'IRT-100',
        serial: 'SN-BROWSER-1',
        range_low: 32,
        range_high: 42.5,
        resolution: 0.1,
        unit: 'degC',
        enterprise_id: enterprise.json.id,
    });
    assert.equal(instrument.status, 201, instrument.text);
    const opened = await technician('POST', '/api/jobs', {
        title: 'IR forehead thermometer SN-BROWSER-1',
        instrument: 'IRT-100 SN-BROWSER-1',
        quantity: 'object_temperature',
        unit: 'degC',
        resolution: 0.1,
        enterprise_id: enterprise.json.id,
        instrument_id: instrument.json.id,
        procedure_id: 1,
    });
    assert.equal(opened.status, 201, opened.text);
    const path = `/api/jobs/${opened.json.id}`;
    const started = await technician('POST', `${path}/start`, {});
    assert.equal(started.status, 200, started.text);
    for (let i = 0; i < 300; ++i) {
        const state = await technician('GET', path);
        if (state.json.status === 'measured') {
            break;
        }
        assert.notEqual(state.json.run?.state, 'refused', state.text);
        await new Promise((wait) => setTimeout(wait, 100));
    }
    const reviewer = await apiAs('wang.fang');
    const reviewed = await reviewer('POST', `${path}/review`);
    assert.equal(reviewed.status, 200, reviewed.text);
    return opened.json.id;
}

describe('certificates', () => {
    before(async () => {
        const users = [
            ['zhang.min', 'technician', 'Zhang Min'],
            ['wang.fang', 'reviewer', 'Wang Fang'],
            ['chen.jie', 'signatory', 'Chen Jie'],
        ];
        addUsers(database, password, users);
        // A run on the command line's own simulators stores the built-in procedures (the IR
        // forehead thermometer's is the first) and authorises the technician for it.
        callab(database, ['run', '--technician', 'zhang.min', '--interval-ms', '0']);
        ({ server, base } = await startServer(database, ['--simulated-bench', '--reading-interval-ms', '0']));
        job = await reviewedJob();
        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions());
        page = context.pages()[0] ?? (await context.newPage());
        // Expected: nobody is signed in before the sign-in (GET /api/session → 401).
        watchConsole(page, problems, (url) => url.endsWith('/api/session'));
    });

    after(async () => {
        await context?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('lets a signatory approve and issue in the approval queue', async () => {
        await page.goto(`${base}/approvals`);
        await signIn(page, 'chen.jie', password);
        await page.waitForSelector(`[data-test=reviewed-act-${job}]`);
        for (const feature of ['reviews', 'approvals', 'certificates']) {
            assert.ok(await page.locator(`[data-test=nav-${feature}]`).isVisible(), feature);
        }
        await assertFitsTablet(page);
        await screenshot(page, 'certificates-approvals');
        await page.click(`[data-test=reviewed-act-${job}]`);
        await page.waitForSelector(`[data-test=approved-act-${job}]`);
        await page.click(`[data-test=approved-act-${job}]`);
        await page.waitForSelector('[data-test=certificate-page] [data-test=certificate-status]');
    });

    it('shows the certificate valid with its PDF, DCC and verification link', async () => {
        const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
        assert.match(number, /^CAL-\d{4}-\d{6}$/);
        assert.equal((await page.innerText('[data-test=certificate-status]')).trim(), 'Valid');
        const recorded = (await page.innerText('[data-test=certificate-pdf-sha256]')).trim();
        const href = await page.getAttribute('[data-test=certificate-pdf-link]', 'href');
        const pdf = await page.request.get(`${base}${href}`);
        assert.equal(pdf.status(), 200);
        assert.equal(pdf.headers()['content-type'], 'application/pdf');
        assert.equal(createHash('sha256').update(await pdf.body()).digest('hex'), recorded);
        const xml = await page.request.get(`${base}${await page.getAttribute('[data-test=certificate-dcc-link]', 'href')}`);
        assert.equal(xml.status(), 200);
        assert.match(xml.headers()['content-type'], /^application\/xml/);
        await assertFitsTablet(page);
        await screenshot(page, 'certificates-certificate');

        await page.click('[data-test=nav-certificates]');
        await page.waitForSelector(`[data-test="certificate-link-${number}"]`);
        assert.match(await page.innerText('[data-test=certificates-total]'), /^1 certificates$/);
        await assertFitsTablet(page);
        await screenshot(page, 'certificates-list');
        await page.click(`[data-test="certificate-link-${number}"]`);
        await page.click('[data-test=certificate-verification-link]');
        await page.waitForSelector('[data-test=verification-status]');
        assert.equal((await page.innerText('[data-test=verification-status]')).trim(), 'Valid');
        await screenshot(page, 'certificates-verification');

        // Anyone holding the certificate checks it without signing in.
        const visitor = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'visitor-')), launchOptions());
        try {
            const open = visitor.pages()[0] ?? (await visitor.newPage());
            await open.goto(`${base}/verification/${number}`);
            await open.waitForSelector('[data-test=verification-status]');
            assert.equal((await open.innerText('[data-test=verification-status]')).trim(), 'Valid');
            await open.goto(`${base}/verification/CAL-1999-000001`);
            await open.waitForSelector('[data-test=verification-unknown]');
        } finally {
            await visitor.close();
        }
    });

    it('shows the review queue to a signatory', async () => {
        await page.click('[data-test=nav-reviews]');
        await page.waitForSelector('[data-test=reviews-page]');
        await assertFitsTablet(page);
        await screenshot(page, 'certificates-reviews');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
