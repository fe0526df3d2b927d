// The lab's whole day in chromium against `callab serve --simulated-bench`, every step on the
// pages as the user whose role it is: a technician signs in, registers an enterprise and an
// instrument and opens an IR thermometer job with the job wizard, runs it on the server's
// simulated bench (the blackbody read as the reference, the thermometer's readings typed, one
// of them in a wrong unit first) and sees the result per test point; a reviewer accepts it in
// the review queue; a signatory approves it and issues the certificate in the approval queue;
// the certificate page's PDF and DCC links download the files whose SHA-256 the page shows, and
// its verification link shows the certificate valid; the technician books equipment by
// dragging on the calendar's week view and the manager's drag onto the same slot shows the
// conflict; the language is switched. A screenshot of every page visited goes to the test
// output directory (calibration-*.png).
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/calibration_e2e_test.mjs
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
    addUsers,
    apiClient,
    assertFitsTablet,
    callab,
    chromium,
    chromiumArgs,
    creditCode,
    dragOnCalendar,
    pageApi as api,
    scratchSpace,
    screenshot,
    signIn,
    startServer,
    tablet,
    watchConsole,
} from './support.mjs';

const password = 'calibration e2e test';
const { scratch, database } = scratchSpace('e2e');
const problems = [];
const pages = {};
let server;
let base;
let browser;
let jobId;
let certificate;
let equipmentId;

// Failed requests the scenario provokes on purpose; chromium logs each as a console error.
const provoked = [
    /\/api\/session$/, // nobody signed in before the sign-in page
    /\/api\/jobs\/\d+\/readings$/, // the reading in a wrong unit (422); one typed mid-step (409)
    /\/api\/bookings$/, // the second booking of the same slot (409)
];

/** A page of its own browser context, signed in as `username`. */
async function signedIn(username) {
    const context = await browser.newContext({ viewport: tablet, locale: 'en-US' });
    const page = await context.newPage();
    watchConsole(page, problems, (url) => provoked.some((pattern) => pattern.test(url)), username);
    await page.goto(`${base}/login`);
    await signIn(page, username, password);
    await page.waitForSelector('[data-test=signed-in-user]');
    pages[username] = page;
    return page;
}

function shot(page, name) {
    return screenshot(page, `calibration-${name}`);
}

async function check(page, groupTest, labelText) {
    await page.locator(`[data-test=${groupTest}] .el-checkbox`, { hasText: labelText }).first().click();
}

/** The number of decimals a figure is shown with. */
function decimalsOf(shown) {
    return shown.split('.')[1]?.length ?? 0;
}

/** Drags on the bookings calendar next week's Monday of the shared equipment. */
async function dragNextMonday(page, from, to) {
    await page.goto(`${base}/bookings?equipment=${equipmentId}`);
    await page.waitForSelector('[data-test=bookings-page] [data-test=week-calendar]');
    const label = await page.innerText('[data-test=week-label]');
    await page.click('[data-test=week-next]');
    await page.waitForFunction((old) => document.querySelector('[data-test=week-label]').textContent !== old, label);
    await dragOnCalendar(page, { equipmentId, day: 0, from, to });
}

describe('a calibration from the job wizard to the certificate', () => {
    before(async () => {
        addUsers(database, password, [
            ['li.wei', 'technician'],
            ['wang.fang', 'reviewer'],
            ['zhao.min', 'signatory'],
            ['chen.gang', 'manager'],
        ]);
        // `callab run` authorises li.wei for IRT-FOREHEAD, stores the built-in procedures and
        // the bench's blackbody standard with its certificate, and runs a first job.
        callab(database, ['run', '--technician', 'li.wei', '--interval-ms', '0']);
        ({ server, base } = await startServer(database, ['--simulated-bench', '--reading-interval-ms', '10']));
        // The shared equipment booked on the calendar, bookable around the clock in UTC.
        const manager = await apiClient(base, 'chen.gang', password);
        const equipment = await manager('POST', '/api/equipment', {
            name: 'Blackbody source (shared)',
            bookable_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            bookable_from: '00:00',
            bookable_to: '24:00',
            utc_offset_minutes: 0,
        });
        assert.equal(equipment.status, 201, equipment.text);
        equipmentId = equipment.json.id;
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
    });

    after(async () => {
        await browser?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('opens an IR thermometer job with the wizard, registering the enterprise and instrument', async () => {
        const page = await signedIn('li.wei');
        await shot(page, 'dashboard');
        await page.goto(`${base}/jobs`);
        await page.waitForSelector('[data-test=new-job]');
        await shot(page, 'jobs');
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
        await shot(page, 'wizard-enterprise');
        await page.click('[data-test=wizard-next]');

        await page.click('[data-test=wizard-register-instrument]');
        await page.fill('input[data-test=instrument-serial]', 'YW2100457');
        await page.fill('input[data-test=instrument-maker]', 'Yuwell');
        await page.fill('input[data-test=instrument-model]', 'YHW-2');
        await page.click('[data-test=instrument-submit]');
        await page.waitForSelector('[data-test=instrument-dialog]', { state: 'hidden' });
        await shot(page, 'wizard-instrument');
        await page.click('[data-test=wizard-next]');

        // Only the procedures of the instrument's kind are offered: IRT-FOREHEAD, chosen.
        await page.waitForSelector('[data-test=wizard-procedure] .el-radio');
        assert.equal(await page.locator('[data-test=wizard-procedure] .el-radio').count(), 1);
        assert.match(await page.innerText('[data-test=wizard-procedure]'), /IRT-FOREHEAD/);
        await shot(page, 'wizard-procedure');
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
        await shot(page, 'wizard-standards');
        await page.click('[data-test=wizard-next]');

        await page.click('[data-test=wizard-funding] .el-radio:first-child');
        await shot(page, 'wizard-funding');
        await page.click('[data-test=wizard-next]');
        assert.match(await page.inputValue('input[data-test=wizard-title]'), /YW2100457/);
        await assertFitsTablet(page);
        await shot(page, 'wizard-create');
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
                    await shot(page, 'run-awaiting');
                    await page.fill('[data-test=manual-unit] input', 'K');
                    await page.fill('[data-test=manual-value] input', String(value + 273.15));
                    await page.click('[data-test=manual-submit]');
                    const error = page.locator('[data-test=manual-unit] .el-form-item__error');
                    await error.waitFor();
                    assert.match(await error.innerText(), /^unit: /);
                    await shot(page, 'run-wrong-unit');
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
        // The result card: one row per test point from the run's point results, each rounded
        // to its own U, not an average over the readings of all points.
        const card = page.locator('[data-test=result] [data-test=point-results]');
        const shownErrors = await card.locator('[data-test=point-result-error]').allInnerTexts();
        const shownU = await card.locator('[data-test=point-result-U]').allInnerTexts();
        const shownMeans = await card.locator('[data-test=point-result-indication]').allInnerTexts();
        assert.equal(shownErrors.length, 3);
        for (const [i, point] of job.run.points.entries()) {
            const decimals = decimalsOf(shownU[i]);
            assert.equal(Number(shownU[i]), Number(point.U.toPrecision(2)), `U at point ${i + 1}`);
            assert.equal(decimalsOf(shownErrors[i]), decimals);
            assert.equal(Number(shownErrors[i]), Number(point.error.toFixed(decimals)), `error at point ${i + 1}`);
            assert.equal(Number(shownMeans[i]), Number(point.indication_mean.toFixed(decimals)), `mean at point ${i + 1}`);
        }
        assert.equal(await page.locator('[data-test=result-statement]').count(), 0);
        await assertFitsTablet(page);
        await shot(page, 'run-measured');
    });


    it('is accepted by the reviewer in the review queue', async () => {
        const reviewer = await signedIn('wang.fang');
        await reviewer.click('[data-test=nav-reviews]');
        await reviewer.waitForSelector(`[data-test=review-accept-${jobId}]`);
        await assertFitsTablet(reviewer);
        await shot(reviewer, 'reviews');
        await reviewer.click(`[data-test=review-accept-${jobId}]`);
        await reviewer.waitForSelector(`[data-test=review-accept-${jobId}]`, { state: 'detached' });
        const job = (await api(reviewer, 'GET', `/api/jobs/${jobId}`)).json;
        assert.equal(job.status, 'reviewed');
    });

    it('is approved and issued by the signatory in the approval queue', async () => {
        const signatory = await signedIn('zhao.min');
        await signatory.click('[data-test=nav-approvals]');
        await signatory.waitForSelector(`[data-test=reviewed-act-${jobId}]`);
        await assertFitsTablet(signatory);
        await shot(signatory, 'approvals');
        await signatory.click(`[data-test=reviewed-act-${jobId}]`);
        await signatory.waitForSelector(`[data-test=approved-act-${jobId}]`);
        await shot(signatory, 'approved');
        await signatory.click(`[data-test=approved-act-${jobId}]`);
        await signatory.waitForSelector('[data-test=certificate-page] [data-test=certificate-status]');
        const number = decodeURIComponent(new URL(signatory.url()).pathname.split('/').pop());
        certificate = (await api(signatory, 'GET', `/api/certificates/${encodeURIComponent(number)}`)).json;
        assert.equal(certificate.job_id, jobId);
        assert.equal(certificate.status, 'valid');
        assert.equal((await signatory.innerText('[data-test=certificate-status]')).trim(), 'Valid');
        await assertFitsTablet(signatory);
        await shot(signatory, 'certificate');
    });

    describe('the certificate page', () => {
        it('downloads the PDF and the DCC through its links', async () => {
            assert.ok(certificate, 'the certificate was issued in the step before');
            const page = pages['zhao.min'];
            assert.equal((await page.innerText('[data-test=certificate-pdf-sha256]')).trim(), certificate.pdf_sha256);
            // The PDF opens in a tab of its own (not the page's preview frame; the new tab's
            // first request comes before its frame exists).
            const inOtherTab = (response) => {
                try {
                    return response.frame().page() !== page;
                } catch {
                    return true;
                }
            };
            const pdfResponse = page.context().waitForEvent('response', {
                predicate: (r) => r.url().endsWith(`/${certificate.number}.pdf`) && inOtherTab(r),
            });
            const popup = page.waitForEvent('popup');
            await page.click('[data-test=certificate-pdf-link]');
            const pdf = await pdfResponse;
            assert.equal(pdf.status(), 200);
            assert.match(pdf.headers()['content-type'], /^application\/pdf/);
            // Chromium's PDF viewer stands in for the file's body in the tab: the file is read
            // again from the address the tab opened, with the same session.
            const opened = await popup;
            assert.equal(new URL(opened.url()).pathname, await page.getAttribute('[data-test=certificate-pdf-link]', 'href'));
            const pdfBody = await (await page.context().request.get(opened.url())).body();
            assert.equal(pdfBody.subarray(0, 4).toString(), '%PDF');
            assert.equal(createHash('sha256').update(pdfBody).digest('hex'), certificate.pdf_sha256);
            await opened.close();
            // The DCC is a download.
            const download = page.waitForEvent('download');
            await page.click('[data-test=certificate-dcc-link]');
            const dcc = readFileSync(await (await download).path());
            const xml = dcc.toString('utf8');
            assert.match(xml, /^<\?xml/);
            assert.ok(xml.includes(certificate.number), 'the DCC names the certificate number');
            assert.equal(createHash('sha256').update(dcc).digest('hex'), certificate.dcc_sha256);
        });

        it('opens the verification page, which shows the certificate valid', async () => {
            assert.ok(certificate, 'the certificate was issued in the step before');
            const page = pages['zhao.min'];
            await page.click('[data-test=certificate-verification-link]');
            await page.waitForSelector('[data-test=verification-status]');
            assert.equal((await page.innerText('[data-test=verification-status]')).trim(), 'Valid');
            assert.ok((await page.innerText('[data-test=verification-result]')).includes(certificate.number));
            await shot(page, 'verification');
            await page.click('[data-test=nav-certificates]');
            await page.waitForSelector(`[data-test="certificate-link-${certificate.number}"]`);
            await assertFitsTablet(page);
            await shot(page, 'certificates');
        });
    });

    it('books equipment by dragging on the calendar, and a drag onto the taken slot shows the conflict', async () => {
        const technician = pages['li.wei'];
        await dragNextMonday(technician, '09:00', '09:30');
        assert.match(await technician.innerText('[data-test=booking-when]'), /09:00–10:00$/);
        await technician.fill('input[data-test=booking-purpose]', 'IR thermometer calibrations');
        const created = technician.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
        await technician.click('[data-test=booking-submit]');
        const booked = await created;
        assert.equal(booked.status(), 201);
        const bookingId = (await booked.json()).id;
        await technician.locator(`[data-test=calendar-booking][data-booking-id="${bookingId}"]`).waitFor();
        await assertFitsTablet(technician);
        await shot(technician, 'bookings');

        const manager = await signedIn('chen.gang');
        await dragNextMonday(manager, '08:30', '09:00');
        assert.match(await manager.innerText('[data-test=booking-when]'), /08:30–09:30$/);
        await manager.fill('input[data-test=booking-purpose]', 'Blackbody uniformity check');
        const refused = manager.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
        await manager.click('[data-test=booking-submit]');
        assert.equal((await refused).status(), 409);
        await manager.waitForSelector('[data-test=booking-conflict]');
        assert.match(await manager.innerText('[data-test=booking-conflict]'), new RegExp(`Booking ${bookingId} holds`));
        const highlighted = manager.locator('[data-test=calendar-booking][data-highlighted=true]');
        assert.equal(await highlighted.getAttribute('data-booking-id'), String(bookingId));
        await shot(manager, 'booking-conflict');
    });

    it('switches the job page to Chinese', async () => {
        const page = pages['li.wei'];
        await page.goto(`${base}/jobs/${jobId}`);
        await page.waitForSelector('[data-test=run-panel]');
        await page.click('[data-test=language-zh-CN]');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        assert.match(await page.innerText('[data-test=run-panel]'), /校准点/);
        assert.match(await page.innerText('[data-test=point-results]'), /示值误差/);
        await page.waitForFunction(() => document.querySelector('[data-test=job-status]')?.textContent?.trim() === '已出证');
        await shot(page, 'job-zh-CN');
        await page.click('[data-test=language-en]');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
