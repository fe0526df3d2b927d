// The records pages in chromium against `callab serve` (with sign-in): a lab user signs in,
// registers an enterprise and an instrument, switches language and signs out; an enterprise
// user sees only its own enterprise. Screenshots of each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/records_test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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
const password = 'records browser test';
const scratch = mkdtempSync(join(tmpdir(), 'callab-records-'));
const database = `sqlite:${join(scratch, 'callab.db')}`;
const problems = [];
let server;
let base;
let context;
let page;

function callab(args, input) {
    const result = spawnSync(binary, [...args, '--db', database], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, `callab ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function startServer() {
    return new Promise((resolvePromise, reject) => {
        server = spawn(binary, ['serve', '--db', database, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
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

async function screenshot(name) {
    await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
}

async function assertFitsTablet() {
    const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide on a ${widths.client}px screen`);
}

async function signIn(username) {
    await page.waitForSelector('[data-test=login-page]');
    await page.fill('input[data-test=login-username]', username);
    await page.fill('input[data-test=login-password]', password);
    await page.click('[data-test=login-submit]');
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

describe('records pages', () => {
    before(async () => {
        mkdirSync(outputDir, { recursive: true });
        callab(['user', 'add', '--username', 'li.wei', '--role', 'technician', '--display-name', 'Li Wei', '--password-stdin'], `${password}\n`);
        base = await startServer();
        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), {
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
            viewport: tablet,
            locale: 'en-US',
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.on('console', (message) => {
            // Expected: nobody is signed in before the sign-in (GET /api/session → 401), and
            // the refusal of the wrong credit code (POST /api/enterprises → 422).
            const url = message.location().url;
            const expected = url.endsWith('/api/session') || (url.endsWith('/api/enterprises') && message.text().includes('422'));
            if (message.type() === 'error' && !expected) {
                problems.push(`${page.url()}: ${message.text()} (${message.location().url})`);
            }
        });
        page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
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
        await screenshot('records-login');
        await page.fill('input[data-test=login-username]', 'li.wei');
        await page.fill('input[data-test=login-password]', 'wrong password');
        await page.click('[data-test=login-submit]');
        await page.waitForSelector('[data-test=login-error]');
        assert.match(await page.innerText('[data-test=login-error]'), /Wrong user name or password/);
        await signIn('li.wei');
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
        await assertFitsTablet();
        await screenshot('records-enterprise');

        await page.click('[data-test=instrument-register]');
        await page.fill('input[data-test=instrument-serial]', 'YW2100457');
        await page.fill('input[data-test=instrument-maker]', 'Yuwell');
        await page.click('[data-test=instrument-submit]');
        await page.waitForSelector('[data-test=instrument-title]');
        assert.match(await page.innerText('[data-test=instrument-title]'), /YW2100457/);
        await screenshot('records-instrument');

        await page.click('[data-test=nav-instruments]');
        await page.waitForSelector('[data-test=instruments-total]');
        assert.match(await page.innerText('[data-test=instruments-total]'), /^1 instrument$/);
        await page.fill('input[data-test=instruments-serial]', 'XX');
        await page.waitForFunction(() => document.querySelector('[data-test=instruments-total]')?.textContent?.trim() === '0 instruments');
        await page.fill('input[data-test=instruments-serial]', 'YW21');
        await page.waitForSelector('[data-test=instrument-link]');
        await assertFitsTablet();
        await screenshot('records-instruments');
    });

    it('switches language and signs out', async () => {
        await page.click('[data-test=language-zh-CN]');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        assert.equal((await page.innerText('[data-test=nav-instruments]')).trim(), '器具');
        assert.match(await page.innerText('[data-test=signed-in-user]'), /检定员/);
        await screenshot('records-instruments-zh-CN');
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
