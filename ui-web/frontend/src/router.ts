// The app's pages. A new page is one route here, one component under pages/, one section of
// messages in i18n/locales/*.ts, and (when it should be in the menu) one entry in
// session/access.ts. The server answers every path outside /api/ and /assets/ with
// index.html, so each of these paths can be opened directly or reloaded.
//
// The guard asks the server who is signed in before the first page: nobody → the sign-in
// page (and back after it); a page the role may not use → the user's first page.
import DashboardPage from './pages/DashboardPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import { featureOf, homeFor, mayUse, safeRedirect } from './session/access';
import { loadSession, session } from './session/session';

import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';

function positiveId(route: RouteLocationNormalized): { id: number } {
    return { id: Number(route.params.id) };
}

export const router = createRouter({
    history: createWebHistory(),
    routes: [
        { path: '/', name: 'dashboard', component: DashboardPage },
        { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue') },
        { path: '/jobs', name: 'jobs', component: () => import('./pages/JobsPage.vue') },
        { path: '/jobs/new', name: 'job-wizard', component: () => import('./pages/JobWizardPage.vue') },
        {
            path: '/jobs/:id(\\d+)',
            name: 'job',
            component: () => import('./pages/JobPage.vue'),
            props: positiveId,
        },
        { path: '/portal', name: 'portal', component: () => import('./pages/PortalPage.vue') },
        { path: '/requests', name: 'requests', component: () => import('./pages/RequestQueuePage.vue') },
        { path: '/activities', name: 'activities', component: () => import('./pages/ActivitiesPage.vue') },
        { path: '/statistics', name: 'statistics', component: () => import('./pages/StatisticsPage.vue') },
        { path: '/enterprises', name: 'enterprises', component: () => import('./pages/EnterprisesPage.vue') },
        {
            path: '/enterprises/:id(\\d+)',
            name: 'enterprise',
            component: () => import('./pages/EnterprisePage.vue'),
            props: positiveId,
        },
        { path: '/instruments', name: 'instruments', component: () => import('./pages/InstrumentsPage.vue') },
        {
            path: '/instruments/:id(\\d+)',
            name: 'instrument',
            component: () => import('./pages/InstrumentPage.vue'),
            props: positiveId,
        },
        { path: '/bookings', name: 'bookings', component: () => import('./pages/BookingsPage.vue') },
        { path: '/bookings/mine', name: 'my-bookings', component: () => import('./pages/MyBookingsPage.vue') },
        { path: '/equipment', name: 'equipment-list', component: () => import('./pages/EquipmentListPage.vue') },
        {
            path: '/equipment/:id(\\d+)',
            name: 'equipment',
            component: () => import('./pages/EquipmentPage.vue'),
            props: positiveId,
        },
        { path: '/reviews', name: 'reviews', component: () => import('./pages/ReviewQueuePage.vue') },
        { path: '/approvals', name: 'approvals', component: () => import('./pages/ApprovalQueuePage.vue') },
        { path: '/certificates', name: 'certificates', component: () => import('./pages/CertificatesPage.vue') },
        {
            path: '/certificates/:number',
            name: 'certificate',
            component: () => import('./pages/CertificatePage.vue'),
            props: (route) => ({ number: String(route.params.number) }),
        },
        // Public: anyone holding a certificate checks it here without signing in.
        {
            path: '/verification/:number?',
            name: 'verification',
            component: () => import('./pages/VerificationPage.vue'),
            props: (route) => ({ number: typeof route.params.number === 'string' ? route.params.number : '' }),
            meta: { public: true },
        },
        { path: '/standards', name: 'standards', component: () => import('./pages/StandardsPage.vue') },
        {
            path: '/standards/:id(\\d+)',
            name: 'standard',
            component: () => import('./pages/StandardPage.vue'),
            props: positiveId,
        },
        { path: '/procedures', name: 'procedures', component: () => import('./pages/ProceduresPage.vue') },
        {
            path: '/procedures/:id(\\d+)',
            name: 'procedure',
            component: () => import('./pages/ProcedurePage.vue'),
            props: positiveId,
        },
        { path: '/programmes', name: 'programmes', component: () => import('./pages/ProgrammesPage.vue') },
        { path: '/users', name: 'users', component: () => import('./pages/UsersPage.vue') },
        { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue') },
        { path: '/:path(.*)*', name: 'not-found', component: NotFoundPage },
    ],
});

router.beforeEach(async (to) => {
    try {
        await loadSession();
    } catch {
        // The server cannot be reached: the page shows the API's error itself.
        return true;
    }
    const mode = session.mode ?? 'signed-out';
    const role = session.user?.role;
    if (to.name === 'login') {
        return mode === 'signed-out' ? true : (safeRedirect(to.query.redirect) ?? homeFor(mode, role));
    }
    if (to.name === 'not-found' || to.meta.public === true) {
        return true;
    }
    if (mode === 'signed-out') {
        return { name: 'login', query: { redirect: to.fullPath } };
    }
    const feature = featureOf(to.path);
    if (feature !== undefined && !mayUse(feature, mode, role)) {
        const home = homeFor(mode, role);
        return home === to.path ? true : home;
    }
    return true;
});
