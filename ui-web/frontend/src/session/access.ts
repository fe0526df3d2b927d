// What each role may open: the menu and the router's guard both read this one table. Pure,
// tested in tests/access.test.ts.
import type { Role } from '../api/types';

/** A part of the app with its own menu entry. */
export type Feature =
    | 'dashboard'
    | 'jobs'
    | 'enterprises'
    | 'instruments'
    | 'bookings'
    | 'equipment'
    | 'reviews'
    | 'approvals'
    | 'certificates'
    | 'requests'
    | 'activities'
    | 'statistics'
    | 'portal'
    | 'standards'
    | 'procedures'
    | 'programmes'
    | 'users'
    | 'audit';

/**
 * How the server runs the app: `signed-in` (callab serve, with a user), `signed-out` (callab
 * serve, nobody signed in), `open` (callab demo: no sign-in, only the job pages).
 */
export type SessionMode = 'signed-in' | 'signed-out' | 'open';

const staff: readonly Role[] = ['technician', 'reviewer', 'signatory', 'manager', 'admin'];
const everyone: readonly Role[] = [...staff, 'enterprise_user'];

const featureRoles: Record<Feature, readonly Role[]> = {
    dashboard: staff,
    jobs: staff,
    enterprises: everyone,
    instruments: everyone,
    bookings: everyone,
    equipment: everyone,
    reviews: ['reviewer', 'signatory', 'manager'],
    approvals: ['signatory', 'manager'],
    certificates: everyone,
    requests: staff,
    activities: staff,
    statistics: staff,
    portal: everyone,
    standards: staff,
    procedures: staff,
    programmes: staff,
    users: ['admin'],
    audit: ['manager', 'admin'],
};

/** The features of a server without sign-in (`callab demo`). */
const openFeatures: readonly Feature[] = ['dashboard', 'jobs'];

/** The menu's order. */
export const menuOrder: readonly Feature[] = [
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
    'users',
    'audit',
];

/** Where each feature's menu entry leads. */
export const featurePath: Record<Feature, string> = {
    dashboard: '/',
    jobs: '/jobs',
    enterprises: '/enterprises',
    instruments: '/instruments',
    bookings: '/bookings',
    equipment: '/equipment',
    reviews: '/reviews',
    approvals: '/approvals',
    certificates: '/certificates',
    requests: '/requests',
    activities: '/activities',
    statistics: '/statistics',
    portal: '/portal',
    standards: '/standards',
    procedures: '/procedures',
    programmes: '/programmes',
    users: '/users',
    audit: '/audit',
};

export function mayUse(feature: Feature, mode: SessionMode, role: Role | undefined): boolean {
    if (mode === 'open') {
        return openFeatures.includes(feature);
    }
    return mode === 'signed-in' && role !== undefined && featureRoles[feature].includes(role);
}

/** The menu entries the user may use, in menu order. */
export function menuFor(mode: SessionMode, role: Role | undefined): Feature[] {
    return menuOrder.filter((feature) => mayUse(feature, mode, role));
}

/** The page to open after signing in: the first the user may use. */
export function homeFor(mode: SessionMode, role: Role | undefined): string {
    const first = menuFor(mode, role)[0];
    return first === undefined ? '/' : featurePath[first];
}

/**
 * The page to return to after signing in, from the `redirect` query: only a path of this app
 * (`/…`, not `//host` nor a URL), never the sign-in page itself.
 */
export function safeRedirect(value: unknown): string | undefined {
    if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) {
        return undefined;
    }
    if (value.includes('\\') || value === '/login' || value.startsWith('/login?')) {
        return undefined;
    }
    return value;
}

/** The feature a path belongs to, for the menu's highlight and the guard. */
export function featureOf(path: string): Feature | undefined {
    let best: Feature | undefined;
    for (const feature of menuOrder) {
        const base = featurePath[feature];
        if (base === '/') {
            if (path === '/') {
                best = feature;
            }
        } else if (path === base || path.startsWith(`${base}/`)) {
            best = feature;
        }
    }
    return best;
}

/** Who may register enterprises (the API answers 403 to anyone else). */
export function mayRegisterEnterprises(role: Role | undefined): boolean {
    return role === 'technician' || role === 'manager' || role === 'admin';
}

/** Who may register instruments: the same, and enterprise users for their own enterprise. */
export function mayRegisterInstruments(role: Role | undefined): boolean {
    return mayRegisterEnterprises(role) || role === 'enterprise_user';
}
