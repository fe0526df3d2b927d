import en from './locales/en';
import zhCN from './locales/zh-CN';
import { initialLocale, storageKey, type Locale } from './locale';

import { createI18n } from 'vue-i18n';

export const messages = { en, 'zh-CN': zhCN };

function browserStorage(): Storage | undefined {
    try {
        return window.localStorage;
    } catch {
        return undefined; // storage disabled: the choice lasts until the page is closed
    }
}

export const i18n = createI18n({
    legacy: false,
    locale: initialLocale(browserStorage(), navigator.languages ?? [navigator.language]),
    fallbackLocale: 'en',
    messages,
});

/** Switches the app's language and remembers the choice in this browser. */
export function setLocale(locale: Locale): void {
    i18n.global.locale.value = locale;
    browserStorage()?.setItem(storageKey, locale);
    document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
    return i18n.global.locale.value as Locale;
}
