// Certificates in chromium against `callab serve --simulated-bench`: a job measured on the
// simulators and reviewed over the API; a signatory approves and issues it in the approval
// queue, the certificate page shows it valid with its PDF (application/pdf, the recorded
// SHA-256) and its verification page, which also opens without signing in. Screenshots of
// each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/certificates_test.mjs
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
const password = 'certificates browser test';
const scratch = mkdtempSync(join(tmpdir(), 'callab-certificates-'));
const database = `sqlite:${join(scratch, 'callab.db')}`;
const launchOptions = {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: tablet,
    locale: 'en-US',
};
const problems = [];
let server;
let base;
let context;
let page;
let job;

function callab(args, input) {
    const result = spawnSync(binary, [...args, '--db', database], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, `callab ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function startServer() {
    return new Promise((resolvePromise, reject) => {
        const args = ['serve', '--db', database, '--port', '0', '--simulated-bench', '--reading-interval-ms', '0'];
        server = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

/** A signed-in API client: the session cookie and the CSRF token of `username`. */
async function apiAs(username) {
    const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
    });
    assert.equal(signIn.status, 200, `sign-in of ${username}`);
    const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
    const { csrf_token: csrf } = await signIn.json();
    return async (method, path, body) => {
        const response = await fetch(`${base}${path}`, {
            method,
            headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : undefined, text };
    };
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

describe('certificates', () => {
    before(async () => {
        mkdirSync(outputDir, { recursive: true });
        const users = [
            ['zhang.min', 'technician', 'Zhang Min'],
            ['wang.fang', 'reviewer', 'Wang Fang'],
            ['chen.jie', 'signatory', 'Chen Jie'],
        ];
        for (const [username, role, name] of users) {
            callab(['user', 'add', '--username', username, '--role', role, '--display-name', name, '--password-stdin'], `${password}\n`);
        }
        // A run on the command line's own simulators stores the built-in procedures (the IR
        // forehead thermometer's is the first) and authorises the technician for it.
        callab(['run', '--technician', 'zhang.min', '--interval-ms', '0']);
        base = await startServer();
        job = await reviewedJob();
        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions);
        page = context.pages()[0] ?? (await context.newPage());
        page.on('console', (message) => {
            // Expected: nobody is signed in before the sign-in (GET /api/session → 401).
            if (message.type() === 'error' && !message.location().url.endsWith('/api/session')) {
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

    it('lets a signatory approve and issue in the approval queue', async () => {
        await page.goto(`${base}/approvals`);
        await page.waitForSelector('[data-test=login-page]');
        await page.fill('input[data-test=login-username]', 'chen.jie');
        await page.fill('input[data-test=login-password]', password);
        await page.click('[data-test=login-submit]');
        await page.waitForSelector(`[data-test=reviewed-act-${job}]`);
        for (const feature of ['reviews', 'approvals', 'certificates']) {
            assert.ok(await page.locator(`[data-test=nav-${feature}]`).isVisible(), feature);
        }
        await assertFitsTablet();
        await screenshot('certificates-approvals');
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
        await assertFitsTablet();
        await screenshot('certificates-certificate');

        await page.click('[data-test=nav-certificates]');
        await page.waitForSelector(`[data-test="certificate-link-${number}"]`);
        assert.match(await page.innerText('[data-test=certificates-total]'), /^1 certificates$/);
        await assertFitsTablet();
        await screenshot('certificates-list');
        await page.click(`[data-test="certificate-link-${number}"]`);
        await page.click('[data-test=certificate-verification-link]');
        await page.waitForSelector('[data-test=verification-status]');
        assert.equal((await page.innerText('[data-test=verification-status]')).trim(), 'Valid');
        await screenshot('certificates-verification');

        // Anyone holding the certificate checks it without signing in.
        const visitor = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'visitor-')), launchOptions);
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
        await assertFitsTablet();
        await screenshot('certificates-reviews');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
