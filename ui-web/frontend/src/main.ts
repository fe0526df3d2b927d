import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';

import 'element-plus/dist/index.css';
import { createApp } from 'vue';

createApp(App).use(i18n).use(router).mount('#app');
