// The administration pages in chromium against `callab serve`: an administrator signs in,
// opens a standard's traceability chain, creates a user on the users page, and filters and
// verifies the audit trail. Screenshots of each page go to the test output directory.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/admin_test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { addUsers, assertFitsTablet, chromium, launchOptions, pageApi, scratchSpace, screenshot, signIn, startServer, watchConsole } from './support.mjs';

const password = 'admin browser test';
const { scratch, database } = scratchSpace('admin');
const problems = [];
let server;
let base;
let context;
let page;

/** POST `path` as the signed-in user, with the session's CSRF token. */
function post(path, body) {
    return pageApi(page, 'POST', path, body);
}

describe('administration pages', () => {
    before(async () => {
        addUsers(database, password, [['wang.min', 'admin', 'Wang Min']]);
        ({ server, base } = await startServer(database));
        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions());
        page = context.pages()[0] ?? (await context.newPage());
        // Expected: nobody is signed in before the sign-in (GET /api/session → 401).
        watchConsole(page, problems, (url) => url.endsWith('/api/session'));
        await page.goto(`${base}/standards`);
        await signIn(page, 'wang.min', password);
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
        await assertFitsTablet(page);
        await screenshot(page, 'admin-standards');
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
        await assertFitsTablet(page);
        await screenshot(page, 'admin-standard');
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
        await assertFitsTablet(page);
        await screenshot(page, 'admin-users');
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
        await assertFitsTablet(page);
        await screenshot(page, 'admin-audit');
    });

    it('raised no script error', () => {
        assert.deepEqual(problems, []);
    });
});
