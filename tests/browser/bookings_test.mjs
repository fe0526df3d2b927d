// The bookings calendar in chromium against `callab serve`: a technician drags across free
// time to book it, drags over a taken slot and sees the conflict on the calendar, checks the
// booking out and returns it with condition notes; the equipment pages and the dashboard's
// card of today's bookings. Screenshots of each page go to the test output directory.
//
// The browser's time zone and the equipment's lab time are chosen together so that it is
// about 08:00 in the lab whenever the test runs: the slots booked lie later the same day.
//
//   CALLAB_BINARY=build/bin/callab CALLAB_FRONTEND_DIR=ui-web/frontend \
//   CALLAB_TEST_OUTPUT=build/test-output/browser node --test tests/browser/bookings_test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
    addUsers,
    apiClient,
    assertFitsTablet,
    callab,
    chromium,
    dragOnCalendar,
    launchOptions,
    pageApi,
    scratchSpace,
    screenshot,
    signIn,
    startServer,
    watchConsole,
} from './support.mjs';

const password = 'bookings browser test';
const { scratch, database } = scratchSpace('bookings');
const problems = [];

// Lab time: UTC + offsetHours, with 08:xx in the lab now (the first slot booked, 10:00, more than an hour ahead).
const offsetHours = (() => {
    const hours = 8 - new Date().getUTCHours();
    return hours < -12 ? hours + 24 : hours;
})();
const offsetMs = offsetHours * 3600_000;
// Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
const timezoneId = offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
const labNow = new Date(Date.now() + offsetMs);
const labMidnight = Date.UTC(labNow.getUTCFullYear(), labNow.getUTCMonth(), labNow.getUTCDate()) - offsetMs;
const today = (labNow.getUTCDay() + 6) % 7; // 0 = Monday
const at = (hours, minutes = 0) => new Date(labMidnight + (hours * 60 + minutes) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

let server;
let base;
let context;
let page;
let equipmentId;
let takenId;

/** The API as the browser's signed-in user sees it. */
async function browserGet(path) {
    return (await pageApi(page, 'GET', path)).json;
}

/**
 * Drags in today's lane from the row of `from` to the row of `to` ("HH:MM"), with the mouse or
 * (`touch`) with a finger on a touch screen.
 */
function drag(from, to, touch = false) {
    return dragOnCalendar(page, { equipmentId, day: today, from, to, touch });
}

describe('bookings calendar', () => {
    before(async () => {
        addUsers(database, password, [
            ['li.wei', 'technician', 'Li Wei'],
            ['wang.fang', 'manager', 'Wang Fang'],
        ]);
        const enterprises = join(scratch, 'enterprises.csv');
        writeFileSync(enterprises, 'name,credit_code,region,size\nA Co.,91350100M000100Y43,Henan/Zhengzhou,small\n');
        callab(database, ['import', 'enterprises', enterprises]);
        callab(database, ['user', 'add', '--username', 'client', '--role', 'enterprise_user', '--enterprise', '1', '--password-stdin'], `${password}\n`);
        ({ server, base } = await startServer(database));
        const manager = await apiClient(base, 'wang.fang', password);
        const equipment = await manager('POST', '/api/equipment', {
            name: 'Blackbody BB-1',
            approval_required: false,
            service_buffer_minutes: 30,
            bookable_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            bookable_from: '07:00',
            bookable_to: '20:00',
            utc_offset_minutes: offsetHours * 60,
        });
        assert.equal(equipment.status, 201, equipment.text);
        equipmentId = equipment.json.id;
        const taken = await manager('POST', '/api/bookings', {
            equipment_id: equipmentId,
            start: at(12),
            end: at(13),
            purpose: 'Blackbody uniformity check',
        });
        assert.equal(taken.status, 201, taken.text);
        takenId = taken.json.id;

        context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), launchOptions({ timezoneId }));
        page = context.pages()[0] ?? (await context.newPage());
        // Expected: nobody is signed in before the sign-in (GET /api/session → 401), and the
        // booking over the taken slot (POST /api/bookings → 409).
        watchConsole(page, problems, (url, text) => url.endsWith('/api/session') || (url.endsWith('/api/bookings') && text.includes('409')));
    });

    after(async () => {
        await context?.close();
        server?.kill('SIGTERM');
        rmSync(scratch, { recursive: true, force: true });
    });

    it('shows the week with the bookings and the blocked time of the equipment', async () => {
        await page.goto(`${base}/bookings`);
        await signIn(page, 'li.wei', password);
        await page.waitForSelector('[data-test=bookings-page] [data-test=week-calendar]');
        assert.ok(await page.locator('[data-test=nav-bookings]').isVisible());
        const taken = page.locator(`[data-test=calendar-booking][data-booking-id="${takenId}"]`);
        await taken.waitFor();
        assert.equal(await taken.getAttribute('data-status'), 'approved');
        const lane = `[data-test=calendar-lane][data-equipment="${equipmentId}"][data-day="${today}"]`;
        // The service buffer after the taken booking and the morning already past.
        for (const reason of ['buffer', 'past']) {
            assert.ok((await page.locator(`${lane} [data-test=calendar-blocked][data-reason=${reason}]`).count()) > 0, reason);
        }
        const feed = await page.inputValue(`input[data-test=feed-equipment-${equipmentId}]`);
        assert.equal(feed, `${base}/api/equipment/${equipmentId}/calendar.ics`);
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-calendar');
        // The next week and back.
        const label = await page.innerText('[data-test=week-label]');
        await page.click('[data-test=week-next]');
        await page.waitForFunction((old) => document.querySelector('[data-test=week-label]').textContent !== old, label);
        assert.equal(await page.locator(`[data-test=calendar-booking][data-booking-id="${takenId}"]`).count(), 0);
        await page.click('[data-test=week-previous]');
        await taken.waitFor();
    });

    it('books free time dragged across, and shows the conflict of a taken slot', async () => {
        await drag('10:00', '10:30');
        assert.match(await page.innerText('[data-test=booking-when]'), /10:00–11:00$/);
        await page.fill('input[data-test=booking-purpose]', 'IR thermometer calibration');
        const created = page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
        await page.click('[data-test=booking-submit]');
        assert.equal((await created).status(), 201);
        const mine = page.locator('[data-test=calendar-booking]', { hasText: 'IR thermometer calibration' });
        await mine.waitFor();
        const listed = await browserGet(`/api/bookings?equipment_id=${equipmentId}&user_id=1`);
        assert.equal(listed.total, 1);
        assert.equal(listed.items[0].start, at(10));
        assert.equal(listed.items[0].end, at(11));

        // From free time (the end of the new booking's service buffer) into the taken slot.
        await drag('11:30', '12:00');
        assert.match(await page.innerText('[data-test=booking-when]'), /11:30–12:30$/);
        await page.fill('input[data-test=booking-purpose]', 'Second run');
        const refused = page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
        await page.click('[data-test=booking-submit]');
        assert.equal((await refused).status(), 409);
        await page.waitForSelector('[data-test=booking-conflict]');
        assert.match(await page.innerText('[data-test=booking-conflict]'), new RegExp(`Booking ${takenId} holds`));
        const highlighted = page.locator('[data-test=calendar-booking][data-highlighted=true]');
        assert.equal(await highlighted.getAttribute('data-booking-id'), String(takenId));
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-conflict');
    });

    it('books by dragging a finger on a touch screen', async () => {
        await drag('15:00', '16:30', true);
        assert.match(await page.innerText('[data-test=booking-when]'), /15:00–17:00$/);
        await page.fill('input[data-test=booking-purpose]', 'Touch booking');
        const created = page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
        await page.click('[data-test=booking-submit]');
        assert.equal((await created).status(), 201);
        await page.locator('[data-test=calendar-booking]', { hasText: 'Touch booking' }).waitFor();
    });

    it('checks the booking out and returns it with condition notes', async () => {
        await page.locator('[data-test=calendar-booking]', { hasText: 'IR thermometer calibration' }).click();
        await page.waitForSelector('[data-test=booking-detail] [data-test=booking-check-out]');
        await page.click('[data-test=booking-check-out]');
        await page.fill('textarea[data-test=booking-note]', 'Cavity clean, seal intact');
        await page.click('[data-test=booking-confirm]');
        await page.waitForSelector('[data-test=booking-detail] [data-test=booking-return]');
        assert.equal(await page.innerText('[data-test=booking-detail] [data-test=booking-status]'), 'Checked out');
        await page.click('[data-test=booking-return]');
        await page.fill('textarea[data-test=booking-note]', 'Returned clean; cover scratched');
        await page.click('[data-test=booking-confirm]');
        await page.waitForFunction(() => document.querySelector('[data-test=booking-detail] [data-test=booking-status]')?.textContent?.trim() === 'Returned');
        assert.equal(await page.innerText('[data-test=booking-condition-in]'), 'Returned clean; cover scratched');
        const listed = await browserGet(`/api/bookings?equipment_id=${equipmentId}&user_id=1`);
        assert.equal(listed.items[0].status, 'returned');
        assert.equal(listed.items[0].condition_out, 'Cavity clean, seal intact');
        assert.equal(listed.items[0].condition_in, 'Returned clean; cover scratched');
        await screenshot(page, 'bookings-returned');
        await page.keyboard.press('Escape');

        await page.click('[data-test=my-bookings-link]');
        await page.waitForSelector('[data-test=my-bookings-page] [data-test=my-bookings-table]');
        assert.equal(await page.innerText(`[data-test=my-booking-status-${listed.items[0].id}]`), 'Returned');
        assert.equal(await page.inputValue('input[data-test=feed-mine]'), `${base}/api/users/me/calendar.ics`);
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-mine');
    });

    it('lists the equipment and shows one with its hours, buffer, usage and bookings', async () => {
        await page.click('[data-test=nav-equipment]');
        await page.waitForSelector('[data-test=equipment-list-page] [data-test=equipment-table]');
        assert.match(await page.innerText('[data-test=equipment-total]'), /^1 piece$/);
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-equipment-list');
        await page.click(`[data-test=equipment-link-${equipmentId}]`);
        await page.waitForSelector('[data-test=equipment-page] [data-test=equipment-facts]');
        assert.equal(await page.innerText('[data-test=equipment-hours]'), '07:00–20:00');
        assert.equal(await page.innerText('[data-test=equipment-buffer]'), '30 min');
        const detail = await browserGet(`/api/equipment/${equipmentId}`);
        assert.equal(await page.innerText('[data-test=equipment-usage]'), `${detail.usage_hours.toFixed(1)} h`);
        await page.waitForSelector(`[data-test=equipment-upcoming] >> text=Blackbody uniformity check`);
        assert.equal(await page.inputValue('input[data-test=feed-equipment]'), `${base}/api/equipment/${equipmentId}/calendar.ics`);
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-equipment');
    });

    it('shows today’s bookings on the dashboard', async () => {
        await page.click('[data-test=nav-dashboard]');
        await page.waitForSelector('[data-test=card-today] [data-test=today-booking]');
        const rows = await page.locator('[data-test=card-today] [data-test=today-booking]').allInnerTexts();
        assert.equal(rows.length, 3);
        assert.match(rows[0], /^10:00–11:00\s+Blackbody BB-1 · IR thermometer calibration\s+Returned$/);
        assert.match(rows[1], /^12:00–13:00\s+Blackbody BB-1 · Blackbody uniformity check\s+Approved$/);
        assert.match(rows[2], /^15:00–17:00\s+Blackbody BB-1 · Touch booking\s+Approved$/);
        await page.waitForSelector('[data-test=card-recall] .el-empty');
        await page.waitForSelector('[data-test=card-certificates] .el-empty');
        await assertFitsTablet(page);
        await screenshot(page, 'bookings-dashboard');
        assert.deepEqual(problems, []);
    });

    it('shows an enterprise user when the equipment is taken, without whose booking or why', async () => {
        const client = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'client-')), launchOptions({ timezoneId }));
        try {
            const view = client.pages()[0] ?? (await client.newPage());
            watchConsole(view, problems, (url) => url.endsWith('/api/session'), 'client');
            await view.goto(`${base}/bookings?equipment=${equipmentId}`);
            await signIn(view, 'client', password);
            const taken = view.locator(`[data-test=calendar-booking][data-booking-id="${takenId}"]`);
            await taken.waitFor();
            assert.equal(await taken.getAttribute('data-busy'), 'true');
            assert.equal((await taken.innerText()).trim(), 'Taken');
            // The technician's bookings of the day are shown as taken time too.
            assert.equal(await view.locator('[data-test=calendar-booking][data-busy=true]').count(), 3);
            assert.equal(await view.locator('[data-test=calendar-booking]', { hasText: 'uniformity' }).count(), 0);
            await screenshot(view, 'bookings-enterprise-user');
        } finally {
            await client.close();
        }
        assert.deepEqual(problems, []);
    });
});
