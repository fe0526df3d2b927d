import { featureOf, homeFor, mayRegisterEnterprises, mayRegisterInstruments, mayUse, menuFor, safeRedirect } from '../src/session/access';

import { describe, expect, it } from 'vitest';

describe('menu by role', () => {
    it('gives lab staff the job pages, the records and the service window', () => {
        expect(menuFor('signed-in', 'technician')).toEqual([
            'dashboard',
            'jobs',
            'enterprises',
            'instruments',
            'bookings',
            'equipment',
            'certificates',
            'requests',
            'activities',
            'statistics',
            'portal',
            'standards',
            'procedures',
            'programmes',
        ]);
    });
    it('gives managers the audit trail and administrators the users as well', () => {
        expect(menuFor('signed-in', 'manager').slice(-4)).toEqual(['standards', 'procedures', 'programmes', 'audit']);
        expect(menuFor('signed-in', 'admin').slice(-5)).toEqual(['standards', 'procedures', 'programmes', 'users', 'audit']);
        expect(mayUse('users', 'signed-in', 'manager')).toBe(false);
        expect(mayUse('standards', 'signed-in', 'enterprise_user')).toBe(false);
        expect(featureOf('/standards/3')).toBe('standards');
    });
    it('gives an enterprise user only its records, starting at the enterprises', () => {
        expect(menuFor('signed-in', 'enterprise_user')).toEqual([
            'enterprises',
            'instruments',
            'bookings',
            'equipment',
            'certificates',
            'portal',
        ]);
        expect(homeFor('signed-in', 'enterprise_user')).toBe('/enterprises');
        expect(mayUse('jobs', 'signed-in', 'enterprise_user')).toBe(false);
    });
    it('runs a server without sign-in with the job pages only', () => {
        expect(menuFor('open', undefined)).toEqual(['dashboard', 'jobs']);
        expect(mayUse('instruments', 'open', undefined)).toBe(false);
        expect(homeFor('open', undefined)).toBe('/');
    });
    it('gives the review queue to reviewers, the approval queue to signatories and managers', () => {
        expect(menuFor('signed-in', 'signatory')).toEqual([
            'dashboard',
            'jobs',
            'reviews',
            'approvals',
            'enterprises',
            'instruments',
            'bookings',
            'equipment',
            'certificates',
            'requests',
            'activities',
            'statistics',
            'portal',
            'standards',
            'procedures',
            'programmes',
        ]);
        expect(mayUse('reviews', 'signed-in', 'reviewer')).toBe(true);
        expect(mayUse('approvals', 'signed-in', 'reviewer')).toBe(false);
        expect(mayUse('approvals', 'signed-in', 'manager')).toBe(true);
        expect(featureOf('/certificates/CAL-2026-000001')).toBe('certificates');
    });
    it('gives nobody signed in nothing', () => {
        expect(menuFor('signed-out', undefined)).toEqual([]);
    });
    it('lets technicians, managers and admins register, enterprise users only instruments', () => {
        expect(mayRegisterEnterprises('reviewer')).toBe(false);
        expect(mayRegisterEnterprises('manager')).toBe(true);
        expect(mayRegisterInstruments('enterprise_user')).toBe(true);
        expect(mayRegisterInstruments('signatory')).toBe(false);
    });
});

describe('paths', () => {
    it('finds the feature of a page', () => {
        expect(featureOf('/')).toBe('dashboard');
        expect(featureOf('/jobs/3')).toBe('jobs');
        expect(featureOf('/instruments')).toBe('instruments');
        expect(featureOf('/instrumentsx')).toBeUndefined();
        expect(featureOf('/bookings/mine')).toBe('bookings');
        expect(featureOf('/equipment/2')).toBe('equipment');
        expect(featureOf('/login')).toBeUndefined();
    });
    it('returns after sign-in only to a path of the app', () => {
        expect(safeRedirect('/instruments?page=2')).toBe('/instruments?page=2');
        expect(safeRedirect('//evil.example/')).toBeUndefined();
        expect(safeRedirect('https://evil.example/')).toBeUndefined();
        expect(safeRedirect('/\\evil.example')).toBeUndefined();
        expect(safeRedirect('/login?redirect=/')).toBeUndefined();
        expect(safeRedirect(['/jobs'])).toBeUndefined();
        expect(safeRedirect(undefined)).toBeUndefined();
    });
});
