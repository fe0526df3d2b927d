// The lab's whole day in chromium against `callab serve --simulated-bench`: a technician signs
// in, registers an enterprise and an instrument and opens an IR thermometer job with the job
// wizard, runs it on the server's simulated bench (the blackbody read as the reference, the
// thermometer's readings typed, one of them in a wrong unit first), a reviewer reviews it, a
// signatory approves and issues it; the certificate's PDF and DCC are downloaded and checked
// against their recorded SHA-256, the verification page shows it valid; equipment is booked
// and the same slot again is a conflict; the language is switched. A screenshot of every page
// visited goes to the test output directory (calibration-*.png).
//
// The certificate steps use POST /api/jobs/{id}/issue, /api/certificates/{number}.pdf|.xml
// and the public /verify/{number} page.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/calibration_e2e_test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.CALLAB_BINARY ?? join(root, 'build/bin/callab');
const frontendDir = process.env.CALLAB_FRONTEND_DIR ?? join(root, 'ui-web/frontend');
const outputDir = process.env.CALLAB_TEST_OUTPUT ?? join(root, 'build/test-output/browser');
const { chromium } = createRequire(join(frontendDir, 'package.json'))('playwright-core');

const tablet = { width: 1024, height: 768 };
const password = 'calibration e2e test';
const scratch = mkdtempSync(join(tmpdir(), 'callab-e2e-'));
const database = `sqlite:${join(scratch, 'callab.db')}`;
const problems = [];
const pages = {};
let server;
let base;
let browser;
let jobId;
let certificate;

// Failed requests the scenario provokes on purpose; chromium logs each as a console error.
const provoked = [
    /\/api\/session$/, // nobody signed in before the sign-in page
    /\/api\/jobs\/\d+\/readings$/, // the reading in a wrong unit (422); one typed mid-step (409)
    /\/api\/bookings$/, // the second booking of the same slot (409)
];

function callab(args, input) {
    const result = spawnSync(binary, [...args, '--db', database], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, `callab ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function startServer() {
    return new Promise((resolvePromise, reject) => {
        server = spawn(
            binary,
            ['serve', '--db', database, '--port', '0', '--simulated-bench', '--reading-interval-ms', '10'],
            { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        let errors = '';
        const timer = setTimeout(() => reject(new Error(`callab serve did not start: ${errors}`)), 30000);
        server.stdout.on('data', (chunk) => {
            output += chunk;
            const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
            if (match) {
                clearTimeout(timer);
                resolvePromise(match[1]);
            }
        });
        server.stderr.on('data', (chunk) => (errors += chunk));
        server.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`callab serve exited with ${code}: ${errors}`));
        });
    });
}

/** A page of its own browser context, signed in as `username`. */
async function signedIn(username) {
    const context = await browser.newContext({ viewport: tablet, locale: 'en-US' });
    const page = await context.newPage();
    page.on('console', (message) => {
        const url = message.location().url;
        if (message.type() === 'error' && !provoked.some((pattern) => pattern.test(url))) {
            problems.push(`${username} ${page.url()}: ${message.text()} (${url})`);
        }
    });
    page.on('pageerror', (error) => problems.push(`${username} ${page.url()}: ${error.message}`));
    await page.goto(`${base}/login`);
    await page.waitForSelector('[data-test=login-page]');
    await page.fill('input[data-test=login-username]', username);
    await page.fill('input[data-test=login-password]', password);
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=signed-in-user]');
    pages[username] = page;
    return page;
}

async function screenshot(page, name) {
    await page.screenshot({ path: join(outputDir, `calibration-${name}.png`), fullPage: true });
}

async function assertFitsTablet(page) {
    const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide on a ${widths.client}px screen`);
}

/** A request from the page with its session and CSRF token, as the app sends it. */
function api(page, method, path, body) {
    return page.evaluate(
        async ({ method, path, body }) => {
            const session = await (await fetch('/api/session')).json();
            const reply = await fetch(path, {
                method,
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
                body: body === undefined ? undefined : JSON.stringify(body),
            });
            const text = await reply.text();
            let json = null;
            try {
                json = JSON.parse(text);
            } catch {
                // a file, not JSON
            }
            return { status: reply.status, json };
        },
        { method, path, body },
    );
}

/** A valid unified social credit code (GB 32100-2015) from 17 characters. */
function creditCode(first17) {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let sum = 0;
    let weight = 1;
    for (const c of first17) {
        sum += chars.indexOf(c) * weight;
        weight = (weight * 3) % 31;
    }
    const check = 31 - (sum % 31);
    return first17 + chars[check === 31 ? 0 : check];
}

async function check(page, groupTest, labelText) {
    await page.locator(`[data-test=${groupTest}] .el-checkbox`, { hasText: labelText }).first().click();
}

describe('a calibration from the job wizard to the certificate', () => {
    before(async () => {
        mkdirSync(outputDir, { recursive: true });
        for (const [username, role] of [
            ['li.wei', 'technician'],
            ['wang.fang', 'reviewer'],
            ['zhao.min', 'signatory'],
            ['chen.gang', 'manager'],
        ]) {
            callab(['user', 'add', '--username', username, '--role', role, '--display-name', username, '--password-stdin'], `${password}\n`);
        }
        // `callab run` authorises li.wei for IRT-FOREHEAD, stores the built-in procedures and
        // the bench's blackbody standard with its certificate, and runs a first job.
        callab(['run', '--technician', 'li.wei', '--interval-ms', '0']);
        base = await startServer();
        browser = await chromium.launch({
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        });
    });

    after(async () => {
        await browser?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('opens an IR thermometer job with the wizard, registering the enterprise and instrument', async () => {
        const page = await signedIn('li.wei');
        await page.goto(`${base}/jobs`);
        await page.waitForSelector('[data-test=new-job]');
        await screenshot(page, 'jobs');
        await page.click('[data-test=new-job]');
        await page.waitForSelector('[data-test=job-wizard]');

        await page.click('[data-test=wizard-next]');
        await page.waitForSelector('.el-form-item__error');
        assert.match(await page.innerText('.el-form-item__error'), /^Enterprise: /);
        await page.click('[data-test=wizard-register-enterprise]');
        await page.fill('input[data-test=enterprise-name]', 'Zhengzhou Clinic Supplies Co.');
        await page.fill('input[data-test=enterprise-credit-code]', creditCode('91410100MA4B00002'));
        await page.fill('input[data-test=enterprise-region]', 'Henan/Zhengzhou');
        await page.click('[data-test=enterprise-submit]');
        await page.waitForSelector('[data-test=enterprise-dialog]', { state: 'hidden' });
        await screenshot(page, 'wizard-enterprise');
        await page.click('[data-test=wizard-next]');

        await page.click('[data-test=wizard-register-instrument]');
        await page.fill('input[data-test=instrument-serial]', 'YW2100457');
        await page.fill('input[data-test=instrument-maker]', 'Yuwell');
        await page.fill('input[data-test=instrument-model]', 'YHW-2');
        await page.click('[data-test=instrument-submit]');
        await page.waitForSelector('[data-test=instrument-dialog]', { state: 'hidden' });
        await screenshot(page, 'wizard-instrument');
        await page.click('[data-test=wizard-next]');

        // Only the procedures of the instrument's kind are offered: IRT-FOREHEAD, chosen.
        await page.waitForSelector('[data-test=wizard-procedure] .el-radio');
        assert.equal(await page.locator('[data-test=wizard-procedure] .el-radio').count(), 1);
        assert.match(await page.innerText('[data-test=wizard-procedure]'), /IRT-FOREHEAD/);
        await screenshot(page, 'wizard-procedure');
        await page.click('[data-test=wizard-next]');

        // Every test point needs a standard: the message names the first one missing.
        await page.click('[data-test=wizard-next]');
        await page.waitForSelector('.el-form-item__error');
        assert.match(await page.innerText('.el-form-item__error'), /point 1/);
        await check(page, 'wizard-standards-0', 'Blackbody');
        for (const point of [1, 2]) {
            const checked = page.locator(`[data-test=wizard-standards-${point}] .el-checkbox.is-checked`);
            assert.match(await checked.innerText(), /Blackbody/);
        }
        await screenshot(page, 'wizard-standards');
        await page.click('[data-test=wizard-next]');

        await page.click('[data-test=wizard-funding] .el-radio:first-child');
        await screenshot(page, 'wizard-funding');
        await page.click('[data-test=wizard-next]');
        assert.match(await page.inputValue('input[data-test=wizard-title]'), /YW2100457/);
        await assertFitsTablet(page);
        await screenshot(page, 'wizard-create');
        await page.click('[data-test=wizard-create]');
        await page.waitForSelector('[data-test=run-panel]');
        jobId = Number(/\/jobs\/(\d+)$/.exec(new URL(page.url()).pathname)[1]);
        const job = (await api(page, 'GET', `/api/jobs/${jobId}`)).json;
        assert.equal(job.status, 'draft');
        assert.equal(job.standards.length, 3);
        assert.equal(job.unit, 'degC');
    });

    it('runs it on the simulated bench with typed readings, refusing a wrong unit at its field', async () => {
        const page = pages['li.wei'];
        await page.click('[data-test=run-start]');
        const typed = [
            [35.1, 35.0, 35.1, 35.2, 35.1],
            [37.1, 37.0, 37.1, 37.1, 37.0],
            [39.0, 39.1, 39.1, 39.0, 39.1],
        ];
        let first = true;
        for (const [point, values] of typed.entries()) {
            for (const [index, value] of values.entries()) {
                await page.waitForFunction(
                    ([point, index]) =>
                        document
                            .querySelector('[data-test=awaiting]')
                            ?.textContent?.includes(`device under test readings at test point ${point}: ${index} of 5`),
                    [point, index],
                    { timeout: 20000 },
                );
                if (first) {
                    await screenshot(page, 'run-awaiting');
                    await page.fill('[data-test=manual-unit] input', 'K');
                    await page.fill('[data-test=manual-value] input', String(value + 273.15));
                    await page.click('[data-test=manual-submit]');
                    const error = page.locator('[data-test=manual-unit] .el-form-item__error');
                    await error.waitFor();
                    assert.match(await error.innerText(), /^unit: /);
                    await screenshot(page, 'run-wrong-unit');
                    await page.fill('[data-test=manual-unit] input', 'degC');
                    first = false;
                }
                // The API answers 409 while the run is between two readings: the form shows it
                // and the reading is typed again, as a technician would.
                const expected = `Stored ${value.toFixed(1)} °C at point ${point + 1}`;
                for (let attempt = 0; ; ++attempt) {
                    await page.fill('[data-test=manual-value] input', String(value));
                    await page.click('[data-test=manual-submit]');
                    const outcome = await page.waitForFunction(
                        ([text, last]) => {
                            const form = document.querySelector('[data-test=manual-form]');
                            if (last && form === null) {
                                return 'stored'; // the last reading ended the run: no form left
                            }
                            if (form?.querySelector('[data-test=manual-stored]')?.textContent?.includes(text)) {
                                return 'stored';
                            }
                            // A refusal is shown at the field it names, or at the button.
                            return form?.querySelector('.el-form-item__error')?.textContent ?? false;
                        },
                        [expected, point === typed.length - 1 && index === values.length - 1],
                    );
                    const result = await outcome.jsonValue();
                    if (result === 'stored') {
                        break;
                    }
                    assert.ok(attempt < 5, `typed reading refused: ${result}`);
                    await page.waitForTimeout(500);
                }
            }
        }
        await page.waitForFunction(() => document.querySelector('[data-test=job-status]')?.textContent?.trim() === 'Measured', null, {
            timeout: 20000,
        });
        const job = (await api(page, 'GET', `/api/jobs/${jobId}`)).json;
        assert.equal(job.run.points.length, 3);
        const errors = await page.locator('[data-test=point-error]').allInnerTexts();
        assert.equal(errors.length, 3);
        for (const [i, shown] of errors.entries()) {
            assert.equal(Number(shown), Number(job.run.points[i].error.toFixed(shown.split('.')[1]?.length ?? 0)));
        }
        const devices = await page.locator('[data-test=device-readings]').allInnerTexts();
        assert.equal(devices[0].trim().split(/\s+/).length, 5);
        assert.ok(await page.locator('[data-test=error-chart] canvas').count());
        assert.ok(await page.locator('[data-test=point-budget-chart] canvas').count());
        assert.ok(await page.locator('[data-test=budget-table]').first().isVisible());
        await assertFitsTablet(page);
        await screenshot(page, 'run-measured');
    });

    it('is reviewed by the reviewer and approved by the signatory', async () => {
        const reviewer = await signedIn('wang.fang');
        const reviewed = await api(reviewer, 'POST', `/api/jobs/${jobId}/review`);
        assert.equal(reviewed.status, 200, JSON.stringify(reviewed.json));
        await reviewer.goto(`${base}/jobs/${jobId}`);
        await reviewer.waitForFunction(() => document.querySelector('[data-test=job-status]')?.textContent?.trim() === 'Reviewed');
        await screenshot(reviewer, 'reviewed');

        const signatory = await signedIn('zhao.min');
        const approved = await api(signatory, 'POST', `/api/jobs/${jobId}/approve`);
        assert.equal(approved.status, 200, JSON.stringify(approved.json));
        await signatory.goto(`${base}/jobs/${jobId}`);
        await signatory.waitForFunction(() => document.querySelector('[data-test=job-status]')?.textContent?.trim() === 'Approved');
        await screenshot(signatory, 'approved');
    });

    describe('the certificate', () => {
        it('is issued by the signatory', async () => {
            const issued = await api(pages['zhao.min'], 'POST', `/api/jobs/${jobId}/issue`);
            assert.equal(issued.status, 201, JSON.stringify(issued.json));
            certificate = issued.json;
            assert.equal(certificate.job_id, jobId);
            assert.equal(certificate.status, 'valid');
            const listed = await api(pages['zhao.min'], 'GET', `/api/certificates?job_id=${jobId}`);
            assert.equal(listed.status, 200);
            assert.equal(listed.json.items[0].number, certificate.number);
        });

        it('downloads as PDF and DCC whose SHA-256 are the recorded ones', async () => {
            assert.ok(certificate, 'the certificate was issued in the step before');
            const request = pages['zhao.min'].context().request;
            for (const [extension, hash, type, start] of [
                ['pdf', certificate.pdf_sha256, /application\/pdf/, '%PDF'],
                ['xml', certificate.dcc_sha256, /xml/, '<?xml'],
            ]) {
                const reply = await request.get(`${base}/api/certificates/${certificate.number}.${extension}`);
                assert.equal(reply.status(), 200, extension);
                assert.match(reply.headers()['content-type'], type);
                const body = await reply.body();
                assert.equal(body.subarray(0, start.length).toString(), start);
                assert.equal(createHash('sha256').update(body).digest('hex'), hash, extension);
            }
        });

        it('shows valid on the verification page, without signing in', async () => {
            assert.ok(certificate, 'the certificate was issued in the step before');
            const context = await browser.newContext({ viewport: tablet, locale: 'en-US' });
            const page = await context.newPage();
            await page.goto(`${base}/verify/${certificate.number}`);
            await page.waitForFunction((number) => document.body.innerText.includes(number), certificate.number);
            assert.match(await page.innerText('body'), /valid/i);
            await screenshot(page, 'verify');
            await context.close();
        });
    });

    it('books shared equipment and hits a conflict on the same slot', async () => {
        const manager = await signedIn('chen.gang');
        const equipment = await api(manager, 'POST', '/api/equipment', {
            name: 'Blackbody source (shared)',
            bookable_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            bookable_from: '00:00',
            bookable_to: '24:00',
            utc_offset_minutes: 0,
        });
        assert.equal(equipment.status, 201, JSON.stringify(equipment.json));
        const slot = {
            equipment_id: equipment.json.id,
            start: `${new Date().getUTCFullYear() + 1}-03-02T09:00:00Z`,
            end: `${new Date().getUTCFullYear() + 1}-03-02T10:00:00Z`,
            purpose: 'IR thermometer calibrations',
        };
        const technician = pages['li.wei'];
        const booked = await api(technician, 'POST', '/api/bookings', slot);
        assert.equal(booked.status, 201, JSON.stringify(booked.json));
        const again = await api(manager, 'POST', '/api/bookings', slot);
        assert.equal(again.status, 409);
        assert.equal(again.json.error, 'conflict');
        assert.equal(again.json.conflicting_booking.id, booked.json.id);
    });

    it('switches the job page to Chinese', async () => {
        const page = pages['li.wei'];
        await page.goto(`${base}/jobs/${jobId}`);
        await page.waitForSelector('[data-test=run-panel]');
        await page.click('[data-test=language-zh-CN]');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        assert.match(await page.innerText('[data-test=run-panel]'), /校准点/);
        await page.waitForFunction(() => document.querySelector('[data-test=job-status]')?.textContent?.trim() === '已出证');
        await screenshot(page, 'job-zh-CN');
        await page.click('[data-test=language-en]');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
