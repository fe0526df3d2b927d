// The browser app end to end: `callab demo` serves it, Debian's chromium (headless, through
// playwright-core, no browser download) opens it as a technician would on a 1024×768 tablet,
// signing in with the password the demo printed. Every figure shown is checked against the
// API's JSON. Screenshots of every page are saved.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/app_test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { assertFitsTablet as assertFitsWidth, binary, chromium, launchOptions, scratchSpace, screenshot, signIn as signInAs, tablet, watchConsole } from './support.mjs';

const { scratch } = scratchSpace('browser');
let demo;
let base;
let technician; // { username, password } as the demo printed them
let cookie; // the API session of the technician, for the checks made beside the browser
const contexts = [];
const problems = []; // console errors, page errors and CSP violations, from every page

/** Starts `callab demo` on a free port and resolves with its address. */
function startDemo() {
    return new Promise((resolvePromise, reject) => {
        demo = spawn(binary, ['demo', '--port', '0', '--data', join(scratch, 'data')], {
            cwd: scratch,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        let errors = '';
        const timer = setTimeout(() => reject(new Error(`callab demo did not start: ${errors}`)), 60000);
        demo.stdout.on('data', (chunk) => {
            output += chunk;
            const match = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
            const user = /^ {2}technician +(\S+) +(\S+)$/m.exec(output);
            if (match && user) {
                technician = { username: user[1], password: user[2] };
                clearTimeout(timer);
                resolvePromise(match[1]);
            }
        });
        demo.stderr.on('data', (chunk) => (errors += chunk));
        demo.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`callab demo exited with ${code}: ${errors}`));
        });
    });
}

/** A fresh browser profile (its own --user-data-dir) whose language is `locale`. */
async function openBrowser(locale) {
    const context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions({ locale }));
    contexts.push(context);
    context.on('page', watch);
    for (const page of context.pages()) {
        watch(page);
    }
    return context;
}

function watch(page) {
    // The failed requests expected: the missing job's the tests ask for, and the app's
    // question who is signed in, answered 401 before the sign-in.
    watchConsole(page, problems, (url) => url.endsWith('/api/jobs/999') || url.endsWith('/api/session'));
}

/** Signs the technician in on the sign-in page the app opens. */
async function signIn(on) {
    await signInAs(on, technician.username, technician.password);
    await on.locator('[data-test=signed-in-user]').waitFor();
}

async function api(path) {
    const response = await fetch(base + path, { headers: { Cookie: cookie } });
    assert.equal(response.status, 200, path);
    return response.json();
}

async function text(page, selector) {
    return (await page.locator(selector).first().innerText()).trim();
}

/** The number in a shown figure such as "37.153 °C" or "95.0%". */
function numberIn(shown) {
    const match = /-?\d+(\.\d+)?/.exec(shown);
    assert.ok(match, `no number in "${shown}"`);
    return { value: Number(match[0]), decimals: match[1] ? match[1].length - 1 : 0, digits: match[0] };
}

/** `shown` is `exact` rounded to the decimals shown. */
function assertRounded(shown, exact, label) {
    const { value, decimals } = numberIn(shown);
    const halfStep = 0.5 * 10 ** -decimals;
    assert.ok(Math.abs(value - exact) <= halfStep * 1.000001, `${label}: shown ${shown}, API ${exact}`);
}

function significantDigits(digits) {
    return digits.replace(/^-?0*\.?0*/, '').replace('.', '').length;
}

/** The page fits a 1024×768 tablet: nothing wider than the screen, the menu in view. */
async function assertFitsTablet(page) {
    await assertFitsWidth(page);
    for (const selector of ['[data-test=nav-dashboard]', '[data-test=nav-jobs]', '[data-test=language-switch]']) {
        const box = await page.locator(selector).boundingBox();
        assert.ok(box, `${selector} is not shown`);
        assert.ok(box.x >= 0 && box.x + box.width <= tablet.width && box.y + box.height <= tablet.height, `${selector} is off screen`);
    }
}

describe('browser app', () => {
    let context;
    let page;
    let job;

    before(async () => {
        base = await startDemo();
        const session = await fetch(base + '/api/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(technician),
        });
        assert.equal(session.status, 200);
        cookie = session.headers.get('set-cookie').split(';')[0];
        job = await api('/api/jobs/1');
        context = await openBrowser('en-US');
        page = context.pages()[0] ?? (await context.newPage());
        await page.goto(base + '/');
        await signIn(page);
    });

    after(async () => {
        for (const c of contexts) {
            await c.close();
        }
        demo?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('shows the dashboard with the jobs and the server’s version', async () => {
        const health = await api('/api/health');
        const jobs = await api('/api/jobs');
        await page.goto(base + '/');
        await page.locator('[data-test=jobs-table] .el-table__row').first().waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        assert.equal(await text(page, '[data-test=health-version]'), health.version);
        assert.equal(await text(page, '[data-test=health-database]'), health.database);
        assert.equal(await text(page, '[data-test=health-status]'), 'Running');
        assert.equal(await page.locator('[data-test=jobs-table] .el-table__row').count(), jobs.total);
        assert.equal(await text(page, '[data-test=job-link-1]'), job.title);
        await assertFitsTablet(page);
        await screenshot(page, 'dashboard');
    });

    it('opens the demo job and shows the API’s numbers', async () => {
        await page.click('[data-test=job-link-1]');
        await page.waitForURL(base + '/jobs/1');
        // The demo job is a calibration at three test points: its result is one row per point,
        // recomputed by the server from the stored readings.
        await page.locator('[data-test=point-results]').waitFor();
        await page.locator('[data-test=readings-chart] canvas').waitFor();

        assert.equal(await text(page, '[data-test=job-title]'), job.title);
        assert.ok(job.points.length >= 2, JSON.stringify(job.points));
        const points = page.locator('[data-test=point-results] .el-table__body tr');
        assert.equal(await points.count(), job.points.length);
        for (let i = 0; i < job.points.length; ++i) {
            const row = points.nth(i);
            const shownU = await row.locator('[data-test=point-result-U]').innerText();
            const shownError = await row.locator('[data-test=point-result-error]').innerText();
            assertRounded(shownU, job.points[i].U, `U at point ${i + 1}`);
            assertRounded(shownError, job.points[i].error, `error at point ${i + 1}`);
            // U to two significant digits, the error to the same decimal place (GUM 7.2.6).
            assert.equal(significantDigits(numberIn(shownU).digits), 2, shownU);
            assert.equal(numberIn(shownError).decimals, numberIn(shownU).decimals);
        }
        assert.equal(await page.locator('[data-test=budget-chart]').count(), 0);

        const rows = page.locator('[data-test=readings-table] .el-table__body tr');
        assert.equal(await rows.count(), job.readings.length);
        for (let i = 0; i < job.readings.length; ++i) {
            assertRounded(await rows.nth(i).locator('td').nth(1).innerText(), job.readings[i].value, `reading ${i + 1}`);
        }
        // The chart's tooltip is drawn with inline styles, which the CSP must allow.
        await page.locator('[data-test=readings-chart]').scrollIntoViewIfNeeded();
        const chart = await page.locator('[data-test=readings-chart] canvas').boundingBox();
        await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2, { steps: 5 });
        // The demo job is a calibration at three test points: one series per point.
        await page.locator('[data-test=readings-chart]', { hasText: /Point \d/ }).waitFor();
        assert.match(await page.locator('[data-test=readings-chart]').innerText(), /\d °C/);
        await assertFitsTablet(page);
        await screenshot(page, 'job');
    });

    it('lists the jobs and filters them', async () => {
        await page.click('[data-test=nav-jobs]');
        await page.waitForURL(base + '/jobs');
        await page.locator('[data-test=jobs-page] [data-test=jobs-table] .el-table__row').first().waitFor();
        await assertFitsTablet(page);
        await screenshot(page, 'jobs');
        await page.fill('input[data-test=jobs-filter]', 'no such instrument');
        await page.locator('[data-test=jobs-page] .el-table__empty-text').waitFor();
        assert.equal(await text(page, '[data-test=jobs-page] .el-table__empty-text'), 'No calibration jobs yet.');
    });

    it('switches to Chinese, and keeps the choice after a reload', async () => {
        await page.goto(base + '/jobs/1');
        await page.locator('[data-test=point-results]').waitFor();
        await page.click('[data-test=language-zh-CN]');
        await page.locator('[data-test=nav-dashboard]', { hasText: '总览' }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
        assert.equal(await text(page, '[data-test=nav-jobs]'), '校准任务');
        assert.match(await page.locator('[data-test=result]').innerText(), /示值误差/);
        await page.reload();
        await page.locator('[data-test=point-results]').waitFor();
        assert.equal(await text(page, '[data-test=nav-dashboard]'), '总览');
        await assertFitsTablet(page);
        await screenshot(page, 'job-zh-CN');
        await page.click('[data-test=nav-dashboard]');
        await page.locator('[data-test=health-status]', { hasText: '运行中' }).waitFor();
        await assertFitsTablet(page);
        await screenshot(page, 'dashboard-zh-CN');
        await page.click('[data-test=language-en]');
        await page.locator('[data-test=nav-dashboard]', { hasText: 'Dashboard' }).waitFor();
    });

    it('follows the browser’s language when no choice was made', async () => {
        const chinese = await openBrowser('zh-CN');
        const zhPage = chinese.pages()[0] ?? (await chinese.newPage());
        await zhPage.goto(base + '/');
        await signIn(zhPage);
        await zhPage.locator('[data-test=nav-dashboard]', { hasText: '总览' }).waitFor();
        assert.equal(await zhPage.locator('html').getAttribute('lang'), 'zh-CN');
    });

    it('shows the API’s error for a job that does not exist', async () => {
        await page.goto(base + '/jobs/999');
        await page.locator('[data-test=api-error]').waitFor();
        assert.equal(await text(page, '[data-test=api-error-message]'), 'job 999 does not exist');
        assert.match(await page.locator('[data-test=api-error]').innerText(), /HTTP 404 · not_found/);
        await screenshot(page, 'job-not-found');
    });

    it('shows its own page for an unknown address', async () => {
        await page.goto(base + '/no/such/page');
        await page.locator('[data-test=not-found-page]').waitFor();
        await screenshot(page, 'not-found');
    });

    it('keeps the page without JavaScript at /jobs.html', async () => {
        await page.goto(base + '/jobs.html');
        assert.match(await page.locator('body').innerText(), /Expanded uncertainty/);
        await screenshot(page, 'jobs-html');
    });

    it('raised no script error and no Content-Security-Policy violation', () => {
        assert.deepEqual(problems, []);
    });
});
