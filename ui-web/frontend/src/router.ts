// The app's pages. A new page is one route here, one component under pages/, one section of
// messages in i18n/locales/*.ts, and (when it should be in the menu) one entry in App.vue.
// The server answers every path outside /api/ and /assets/ with index.html, so each of these
// paths can be opened directly or reloaded.
import DashboardPage from './pages/DashboardPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';

import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';

function positiveId(route: RouteLocationNormalized): { id: number } {
    return { id: Number(route.params.id) };
}

export const router = createRouter({
    history: createWebHistory(),
    routes: [
        { path: '/', name: 'dashboard', component: DashboardPage },
        { path: '/jobs', name: 'jobs', component: () => import('./pages/JobsPage.vue') },
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
        { path: '/:path(.*)*', name: 'not-found', component: NotFoundPage },
    ],
});
