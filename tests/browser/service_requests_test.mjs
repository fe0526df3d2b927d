// The one-stop window in the browser: `callab serve` on a private SQLite file with one
// enterprise, an enterprise user and a technician; the enterprise user signs in on the
// portal and submits a request, the technician accepts it in the queue, and the enterprise
// user then sees it accepted. Screenshots land beside those of app_test.mjs.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/service_requests_test.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const scratch = mkdtempSync(join(tmpdir(), 'callab-requests-'));
const db = `sqlite:${join(scratch, 'callab.db')}`;
const password = 'correct horse battery';
let server;
let base;
let browser;

function callab(args, input) {
    return execFileSync(binary, [...args, '--db', db], { cwd: scratch, input, encoding: 'utf8' });
}

function startServer() {
    return new Promise((resolvePromise, reject) => {
        server = spawn(binary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0'], {
            cwd: scratch,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
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

async function signIn(username) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    return { context, page, username };
}

// Opening a page without a session leads to the sign-in page and back to the page after it.
async function signInOn(page, path, username) {
    await page.goto(base + path);
    await page.waitForSelector('[data-test=login-page]');
    await page.fill('input[data-test=login-username]', username);
    await page.fill('input[data-test=login-password]', password);
    await page.click('[data-test=login-submit]');
    await page.locator('[data-test="signed-in-as"]').waitFor();
}

describe('service requests in the browser', () => {
    before(async () => {
        mkdirSync(outputDir, { recursive: true });
        const csv = join(scratch, 'enterprises.csv');
        writeFileSync(csv, 'name,credit_code,region,size\nA Co.,91350100M000100Y43,Henan/Zhengzhou,small\n');
        callab(['import', 'enterprises', csv]);
        callab(['user', 'add', '--username', 'client', '--role', 'enterprise_user', '--enterprise', '1', '--password-stdin'], `${password}\n`);
        callab(['user', 'add', '--username', 'tech', '--role', 'technician', '--password-stdin'], `${password}\n`);
        base = await startServer();
        browser = await chromium.launch({
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
        });
    });

    after(async () => {
        await browser?.close();
        if (server && server.exitCode === null) {
            server.kill('SIGTERM');
            await new Promise((done) => server.once('exit', done));
        }
        rmSync(scratch, { recursive: true, force: true });
    });

    it('an enterprise user submits a request, staff accept it, the enterprise sees it accepted', async () => {
        const client = await signIn('client');
        await signInOn(client.page, '/portal', 'client');
        await client.page.locator('[data-test="portal-kind"]').click();
        await client.page.getByRole('option', { name: 'Technical advice' }).click();
        await client.page.locator('[data-test="portal-subject"]').fill('Calibration interval');
        await client.page.locator('[data-test="portal-details"]').fill('How often should energy meters be calibrated?');
        await client.page.locator('[data-test="portal-submit"]').click();
        const card = client.page.locator('[data-test="request-1"]');
        await card.waitFor();
        assert.equal((await card.locator('[data-test="request-status"]').textContent()).trim(), 'Submitted');
        await client.page.screenshot({ path: join(outputDir, 'portal.png'), fullPage: true });

        const staff = await signIn('tech');
        await signInOn(staff.page, '/requests', 'tech');
        const queued = staff.page.locator('[data-test="request-1"]');
        await queued.waitFor();
        await queued.locator('[data-test="request-accept"]').click();
        await staff.page.locator('[data-test="queue-page"] [data-test="request-1"]').waitFor({ state: 'detached' });
        await staff.page.screenshot({ path: join(outputDir, 'request-queue.png'), fullPage: true });

        await client.page.reload();
        await client.page.locator('[data-test="request-1"]').waitFor();
        assert.equal(
            (await client.page.locator('[data-test="request-1"] [data-test="request-status"]').textContent()).trim(),
            'Accepted',
        );
        const answer = await fetch(`${base}/api/service-requests/1`, {
            headers: { Cookie: (await client.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
        });
        assert.equal((await answer.json()).status, 'accepted');
        await client.context.close();
        await staff.context.close();
    });
});
