// What the browser tests share: where the binary, the frontend (its playwright-core) and the
// screenshots are, chromium's launch options for a 1024×768 tablet, `callab` on the command
// line and `callab serve` on a private port, signing in on the sign-in page, API clients (from
// node and from the page), the console watch, screenshots, the tablet-width check and a drag
// on the bookings calendar.
//
// The environment: CALLAB_BINARY (build/bin/callab), CALLAB_FRONTEND_DIR (ui-web/frontend),
// CALLAB_TEST_OUTPUT (build/test-output/browser), as tests/browser/CMakeLists.txt sets them.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = resolve(process.env.CALLAB_BINARY ?? join(root, 'build/bin/callab'));
export const frontendDir = resolve(process.env.CALLAB_FRONTEND_DIR ?? join(root, 'ui-web/frontend'));
export const outputDir = resolve(process.env.CALLAB_TEST_OUTPUT ?? join(root, 'build/test-output/browser'));
export const { chromium } = createRequire(join(frontendDir, 'package.json'))('playwright-core');

export const tablet = { width: 1024, height: 768 };
export const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
];

/** Options of chromium.launch / launchPersistentContext: Debian's chromium, headless, a tablet. */
export function launchOptions(extra = {}) {
    return { executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: tablet, locale: 'en-US', ...extra };
}

/** A private scratch directory and its SQLite database; the output directory exists after. */
export function scratchSpace(prefix) {
    mkdirSync(outputDir, { recursive: true });
    const scratch = mkdtempSync(join(tmpdir(), `callab-${prefix}-`));
    return { scratch, database: `sqlite:${join(scratch, 'callab.db')}` };
}

/** `callab <args> --db <database>`, its standard output; fails the test when it fails. */
export function callab(database, args, input) {
    const result = spawnSync(binary, [...args, '--db', database], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, `callab ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

/** Adds each [username, role, display name?] with `password`. */
export function addUsers(database, password, users) {
    for (const [username, role, name] of users) {
        callab(database, ['user', 'add', '--username', username, '--role', role, '--display-name', name ?? username, '--password-stdin'], `${password}\n`);
    }
}

/** `callab serve` on a free port of 127.0.0.1: resolves with { server, base } once it listens. */
export function startServer(database, extraArgs = []) {
    return new Promise((resolvePromise, reject) => {
        const server = spawn(binary, ['serve', '--db', database, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        let errors = '';
        const timer = setTimeout(() => reject(new Error(`callab serve did not start: ${errors}`)), 30000);
        server.stdout.on('data', (chunk) => {
            output += chunk;
            const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
            if (match) {
                clearTimeout(timer);
                resolvePromise({ server, base: match[1] });
            }
        });
        server.stderr.on('data', (chunk) => (errors += chunk));
        server.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`callab serve exited with ${code}: ${errors}`));
        });
    });
}

/**
 * Collects the page's console errors and script errors into `problems`, except the failed
 * requests a scenario provokes on purpose: `expected(url, text)` says which.
 */
export function watchConsole(page, problems, expected = () => false, who = '') {
    const prefix = who === '' ? '' : `${who} `;
    page.on('console', (message) => {
        const url = message.location().url;
        if (message.type() === 'error' && !expected(url, message.text())) {
            problems.push(`${prefix}${page.url()}: ${message.text()} (${url})`);
        }
    });
    page.on('pageerror', (error) => problems.push(`${prefix}${page.url()}: ${error.message}`));
}

/** Signs in on the sign-in page the app shows (it may be on its way there). */
export async function signIn(page, username, password) {
    await page.waitForSelector('[data-test=login-page]');
    await page.fill('input[data-test=login-username]', username);
    await page.fill('input[data-test=login-password]', password);
    await page.click('[data-test=login-submit]');
}

export async function screenshot(page, name) {
    await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
}

export async function assertFitsTablet(page) {
    const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide on a ${widths.client}px screen`);
}

/**
 * A signed-in API client from node: `(method, path, body?) → { status, json, text }` with the
 * session cookie and CSRF token of `username`.
 */
export async function apiClient(base, username, password) {
    const signedIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
    });
    assert.equal(signedIn.status, 200, `sign-in of ${username}`);
    const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
    const { csrf_token: csrf } = await signedIn.json();
    return async (method, path, body) => {
        const response = await fetch(`${base}${path}`, {
            method,
            headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        let json;
        try {
            json = JSON.parse(text);
        } catch {
            json = undefined; // a file, not JSON
        }
        return { status: response.status, json, text };
    };
}

/** A request from the page with its session and CSRF token, as the app sends it: { status, json }. */
export function pageApi(page, method, path, body) {
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
export function creditCode(first17) {
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

/**
 * Drags on the bookings calendar's week view, in the lane of `equipmentId` on `day` (0 =
 * Monday), from the row of `from` to the row of `to` ("HH:MM"), with the mouse or (`touch`)
 * with a finger; waits for the booking dialog.
 */
export async function dragOnCalendar(page, { equipmentId, day, from, to, touch = false }) {
    // A dialog still closing would take the pointer.
    await page.waitForFunction(() => [...document.querySelectorAll('.el-overlay')].every((o) => getComputedStyle(o).display === 'none'));
    const laneSelector = `[data-test=calendar-lane][data-equipment="${equipmentId}"][data-day="${day}"]`;
    const lane = page.locator(laneSelector);
    const grid = page.locator('[data-test=week-calendar]');
    const firstMinute = Number(await grid.getAttribute('data-from-minutes'));
    const rowHeight = Number(await grid.getAttribute('data-row-height'));
    const row = (text) => {
        const [h, m] = text.split(':').map(Number);
        return (h * 60 + m - firstMinute) / 30;
    };
    // Bring the rows into view, then point at the middle of each.
    await page.evaluate(
        ([selector, offset]) => {
            const top = document.querySelector(selector).getBoundingClientRect().top + window.scrollY;
            window.scrollTo(0, top + offset - 200);
        },
        [laneSelector, row(from) * rowHeight],
    );
    const box = await lane.boundingBox();
    const x = box.x + box.width / 2;
    const y0 = box.y + (row(from) + 0.5) * rowHeight;
    const y1 = box.y + (row(to) + 0.5) * rowHeight;
    if (touch) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
        for (let step = 1; step <= 4; ++step) {
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * step) / 4 }] });
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
        await cdp.detach();
    } else {
        await page.mouse.move(x, y0);
        await page.mouse.down();
        await page.mouse.move(x, y1, { steps: 4 });
        await page.mouse.up();
    }
    await page.waitForSelector('[data-test=booking-dialog] [data-test=booking-purpose]', { state: 'visible' });
}
