import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { watchUnauthenticated } from './session/session';

import 'element-plus/dist/index.css';
import { createApp } from 'vue';

// Any 401 of the API ends the session: sign in again, then come back to the same page.
watchUnauthenticated(() => {
    const here = router.currentRoute.value;
    if (here.name !== 'login') {
        void router.push({ name: 'login', query: { redirect: here.fullPath } });
    }
});

createApp(App).use(i18n).use(router).mount('#app');
