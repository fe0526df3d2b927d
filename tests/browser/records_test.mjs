// The records pages in chromium against `callab serve` (with sign-in): a lab user signs in,
// registers an enterprise and an instrument, switches language and signs out; an enterprise
// user sees only its own enterprise. Screenshots of each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/records_test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
    addUsers,
    assertFitsTablet,
    chromium,
    creditCode,
    launchOptions,
    scratchSpace,
    screenshot,
    signIn,
    startServer,
    watchConsole,
} from './support.mjs';

const password = 'records browser test';
const { scratch, database } = scratchSpace('records');
const problems = [];
let server;
let base;
let context;
let page;

describe('records pages', () => {
    before(async () => {
        addUsers(database, password, [['li.wei', 'technician', 'Li Wei']]);
        ({ server, base } = await startServer(database));
        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions());
        page = context.pages()[0] ?? (await context.newPage());
        // Expected: nobody is signed in before the sign-in (GET /api/session → 401), and the
        // refusal of the wrong credit code (POST /api/enterprises → 422).
        watchConsole(page, problems, (url, text) => url.endsWith('/api/session') || (url.endsWith('/api/enterprises') && text.includes('422')));
    });

    after(async () => {
        await context?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('sends a visitor to the sign-in page and back to the page asked for', async () => {
        await page.goto(`${base}/instruments`);
        await page.waitForSelector('[data-test=login-page]');
        assert.match(page.url(), /\/login\?redirect=(%2F|\/)instruments$/);
        await screenshot(page, 'records-login');
        await page.fill('input[data-test=login-username]', 'li.wei');
        await page.fill('input[data-test=login-password]', 'wrong password');
        await page.click('[data-test=login-submit]');
        await page.waitForSelector('[data-test=login-error]');
        assert.match(await page.innerText('[data-test=login-error]'), /Wrong user name or password/);
        await signIn(page, 'li.wei', password);
        await page.waitForSelector('[data-test=instruments-page]');
        assert.equal(new URL(page.url()).pathname, '/instruments');
        assert.match(await page.innerText('[data-test=signed-in-user]'), /Li Wei · Technician/);
        for (const feature of ['dashboard', 'jobs', 'enterprises', 'instruments']) {
            assert.ok(await page.locator(`[data-test=nav-${feature}]`).isVisible(), feature);
        }
    });

    it('registers an enterprise and an instrument of it', async () => {
        await page.click('[data-test=nav-enterprises]');
        await page.waitForSelector('[data-test=enterprises-page] [data-test=enterprises-table]');
        await page.click('[data-test=enterprise-register]');
        await page.fill('input[data-test=enterprise-name]', 'Hangzhou Clinic Supplies Co.');
        // A wrong check character first: the server names the field.
        const code = creditCode('91330106MA2B00001');
        const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
        await page.fill('input[data-test=enterprise-credit-code]', wrong);
        await page.fill('input[data-test=enterprise-region]', 'Zhejiang/Hangzhou');
        await page.click('[data-test=enterprise-submit]');
        await page.waitForSelector('.el-form-item__error');
        assert.match(await page.innerText('.el-form-item__error'), /credit_code/);
        await page.fill('input[data-test=enterprise-credit-code]', code);
        await page.click('[data-test=enterprise-submit]');
        await page.waitForSelector('[data-test=enterprise-title]');
        assert.equal(await page.innerText('[data-test=enterprise-title]'), 'Hangzhou Clinic Supplies Co.');
        assert.match(new URL(page.url()).pathname, /^\/enterprises\/\d+$/);
        await assertFitsTablet(page);
        await screenshot(page, 'records-enterprise');

        await page.click('[data-test=instrument-register]');
        await page.fill('input[data-test=instrument-serial]', 'YW2100457');
        await page.fill('input[data-test=instrument-maker]', 'Yuwell');
        await page.click('[data-test=instrument-submit]');
        await page.waitForSelector('[data-test=instrument-title]');
        assert.match(await page.innerText('[data-test=instrument-title]'), /YW2100457/);
        await screenshot(page, 'records-instrument');

        await page.click('[data-test=nav-instruments]');
        await page.waitForSelector('[data-test=instruments-total]');
        assert.match(await page.innerText('[data-test=instruments-total]'), /^1 instrument$/);
        await page.fill('input[data-test=instruments-serial]', 'XX');
        await page.waitForFunction(() => document.querySelector('[data-test=instruments-total]')?.textContent?.trim() === '0 instruments');
        await page.fill('input[data-test=instruments-serial]', 'YW21');
        await page.waitForSelector('[data-test=instrument-link]');
        await assertFitsTablet(page);
        await screenshot(page, 'records-instruments');
    });

    it('switches language and signs out', async () => {
        await page.click('[data-test=language-zh-CN]');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        assert.equal((await page.innerText('[data-test=nav-instruments]')).trim(), '器具');
        assert.match(await page.innerText('[data-test=signed-in-user]'), /检定员/);
        await screenshot(page, 'records-instruments-zh-CN');
        await page.click('[data-test=language-en]');
        await page.click('[data-test=logout]');
        await page.waitForSelector('[data-test=login-page]');
        assert.equal(await page.locator('[data-test=nav-instruments]').count(), 0);
        const status = await page.evaluate(async () => (await fetch('/api/session')).status);
        assert.equal(status, 401);
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
