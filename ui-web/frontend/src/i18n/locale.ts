// Which language the app speaks: the one the reader chose (kept in localStorage), else the
// browser's first language the app has, else English. Pure apart from the storage passed in.

export const supportedLocales = ['zh-CN', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];

export const storageKey = 'callab.locale';

export function isLocale(value: unknown): value is Locale {
    return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** The first of the browser's languages (navigator.languages) that the app speaks. */
export function localeFromLanguages(languages: readonly string[]): Locale {
    for (const language of languages) {
        const tag = language.toLowerCase();
        if (tag === 'zh' || tag.startsWith('zh-')) {
            return 'zh-CN';
        }
        if (tag === 'en' || tag.startsWith('en-')) {
            return 'en';
        }
    }
    return 'en';
}

/** Storage the locale is kept in (window.localStorage in the app, a map in tests). */
export interface LocaleStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
}

export function initialLocale(storage: LocaleStorage | undefined, languages: readonly string[]): Locale {
    const stored = storage?.getItem(storageKey);
    return isLocale(stored) ? stored : localeFromLanguages(languages);
}
