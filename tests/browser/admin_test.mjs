// The administration pages in chromium against `callab serve`: an administrator signs in,
// opens a standard's traceability chain, creates a user on the users page, and filters and
// verifies the audit trail. Screenshots of each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/admin_test.mjs
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
const password = 'admin browser test';
const scratch = mkdtempSync(join(tmpdir(), 'callab-admin-'));
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

/** POST `path` as the signed-in user, with the session's CSRF token. */
async function post(path, body) {
    return page.evaluate(
        async ([target, data]) => {
            const session = await (await fetch('/api/session')).json();
            const response = await fetch(target, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
                body: JSON.stringify(data),
            });
            return { status: response.status, json: await response.json() };
        },
        [path, body],
    );
}

describe('administration pages', () => {
    before(async () => {
        mkdirSync(outputDir, { recursive: true });
        callab(['user', 'add', '--username', 'wang.min', '--role', 'admin', '--display-name', 'Wang Min', '--password-stdin'], `${password}\n`);
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
            // Expected: nobody is signed in before the sign-in (GET /api/session → 401).
            if (message.type() === 'error' && !message.location().url.endsWith('/api/session')) {
                problems.push(`${page.url()}: ${message.text()} (${message.location().url})`);
            }
        });
        page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
        await page.goto(`${base}/standards`);
        await page.waitForSelector('[data-test=login-page]');
        await page.fill('input[data-test=login-username]', 'wang.min');
        await page.fill('input[data-test=login-password]', password);
        await page.click('[data-test=login-submit]');
        await page.waitForSelector('[data-test=standards-page]');
    });

    after(async () => {
        await context?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('draws a standard traceability chain up to the national standard', async () => {
        const top = await post('/api/standards', { name: 'SPRT 5681', national_standard: 'NIM ITS-90 fixed points' });
        assert.equal(top.status, 201);
        const child = await post('/api/standards', { name: 'Blackbody 4180', maker: 'Fluke', traceability_parent_id: top.json.id });
        assert.equal(child.status, 201);
        const certificate = await post(`/api/standards/${child.json.id}/certificates`, {
            number: 'NIM-2026-0815',
            issuer: 'National Institute of Metrology',
            calibrated_on: '2026-08-15',
            due_on: '2099-08-14',
            uncertainty: 'U = 0.2 degC (k = 2)',
        });
        assert.equal(certificate.status, 201);
        for (const feature of ['standards', 'procedures', 'programmes', 'users', 'audit']) {
            assert.ok(await page.locator(`[data-test=nav-${feature}]`).isVisible(), feature);
        }
        await page.reload();
        await page.waitForSelector('[data-test=standard-link]');
        assert.equal(await page.locator('[data-test=standard-link]').count(), 2);
        await assertFitsTablet();
        await screenshot('admin-standards');
        await page.click(`[data-test=standard-link]:has-text("Blackbody 4180")`);
        await page.waitForSelector('[data-test=traceability-chain]');
        const boxes = await page.locator('[data-test=chain-box]').allInnerTexts();
        assert.equal(boxes.length, 3);
        assert.match(boxes[0], /Blackbody 4180/);
        assert.match(boxes[1], /SPRT 5681/);
        assert.match(boxes[2], /NIM ITS-90 fixed points/);
        assert.match(await page.innerText('[data-test=standard-certificates]'), /NIM-2026-0815/);
        await page.fill('input[data-test=status-reason]', 'drift at the intermediate check');
        await page.click('[data-test=status-suspend]');
        await page.waitForFunction(() => document.querySelector('[data-test=standard-status]')?.textContent?.trim() === 'Suspended');
        await assertFitsTablet();
        await screenshot('admin-standard');
    });

    it('creates a user on the users page without showing the password', async () => {
        await page.click('[data-test=nav-users]');
        await page.waitForSelector('[data-test=users-table]');
        await page.fill('input[data-test=user-username]', 'zhao.lei');
        await page.fill('input[data-test=user-password]', 'a long passphrase');
        await page.click('[data-test=user-submit]');
        await page.waitForSelector('[data-test=user-toggle-zhao\\.lei]');
        const table = await page.innerText('[data-test=users-table]');
        assert.match(table, /zhao\.lei/);
        assert.doesNotMatch(table, /a long passphrase/);
        await assertFitsTablet();
        await screenshot('admin-users');
    });

    it('lists, filters and verifies the audit trail', async () => {
        await page.click('[data-test=nav-audit]');
        await page.waitForSelector('[data-test=audit-table] .el-table__row');
        await page.fill('input[data-test=audit-actor]', 'wang.min');
        await page.fill('input[data-test=audit-entity]', 'user');
        await page.click('[data-test=audit-search]');
        await page.waitForFunction(() => [...document.querySelectorAll('[data-test=audit-table] .el-table__row')].every((row) => row.textContent.includes('user')));
        await page.click('[data-test=audit-verify]');
        await page.waitForSelector('[data-test=audit-verification]');
        assert.match(await page.innerText('[data-test=audit-verification]'), /is intact/);
        await assertFitsTablet();
        await screenshot('admin-audit');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
