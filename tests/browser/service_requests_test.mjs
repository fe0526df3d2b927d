// The one-stop window in the browser: `callab serve` on a private SQLite file with one
// enterprise, an enterprise user and a technician; the enterprise user signs in on the
// portal and submits a request, the technician accepts it in the queue, and the enterprise
// user then sees it accepted. Screenshots land beside those of app_test.mjs.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/service_requests_test.mjs
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { callab, chromium, chromiumArgs, scratchSpace, screenshot, signIn as signInAs, startServer, tablet } from './support.mjs';

const { scratch, database } = scratchSpace('requests');
const password = 'correct horse battery';
let server;
let base;
let browser;

async function signIn(username) {
    const context = await browser.newContext({ viewport: tablet, locale: 'en-GB' });
    const page = await context.newPage();
    return { context, page, username };
}

// Opening a page without a session leads to the sign-in page and back to the page after it.
async function signInOn(page, path, username) {
    await page.goto(base + path);
    await signInAs(page, username, password);
    await page.locator('[data-test="signed-in-as"]').waitFor();
}

describe('service requests in the browser', () => {
    before(async () => {
        const csv = join(scratch, 'enterprises.csv');
        writeFileSync(csv, 'name,credit_code,region,size\nA Co.,91350100M000100Y43,Henan/Zhengzhou,small\n');
        callab(database, ['import', 'enterprises', csv]);
        callab(database, ['user', 'add', '--username', 'client', '--role', 'enterprise_user', '--enterprise', '1', '--password-stdin'], `${password}\n`);
        callab(database, ['user', 'add', '--username', 'tech', '--role', 'technician', '--password-stdin'], `${password}\n`);
        ({ server, base } = await startServer(database, ['--host', '127.0.0.1']));
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
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
        await screenshot(client.page, 'portal');

        const staff = await signIn('tech');
        await signInOn(staff.page, '/requests', 'tech');
        const queued = staff.page.locator('[data-test="request-1"]');
        await queued.waitFor();
        await queued.locator('[data-test="request-accept"]').click();
        await staff.page.locator('[data-test="queue-page"] [data-test="request-1"]').waitFor({ state: 'detached' });
        await screenshot(staff.page, 'request-queue');

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
