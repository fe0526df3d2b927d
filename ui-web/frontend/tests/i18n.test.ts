import en from '../src/i18n/locales/en';
import zhCN from '../src/i18n/locales/zh-CN';
import { initialLocale, localeFromLanguages, storageKey } from '../src/i18n/locale';

import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, value] of Object.entries(tree)) {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        if (typeof value === 'string') {
            out.set(path, value);
        } else {
            for (const [k, v] of flatten(value, path)) {
                out.set(k, v);
            }
        }
    }
    return out;
}

function placeholders(message: string): string[] {
    const names = [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map((m) => m[1] ?? '');
    return [...new Set(names)].sort();
}

const english = flatten(en as Tree);
const chinese = flatten(zhCN as Tree);

describe('translations', () => {
    it('have every key in both languages', () => {
        const onlyEnglish = [...english.keys()].filter((k) => !chinese.has(k));
        const onlyChinese = [...chinese.keys()].filter((k) => !english.has(k));
        expect(onlyEnglish).toEqual([]);
        expect(onlyChinese).toEqual([]);
        expect(english.size).toBeGreaterThan(50);
    });

    it('have no empty message', () => {
        for (const [key, text] of [...english, ...chinese]) {
            expect(text.trim(), key).not.toBe('');
        }
    });

    it('use the same placeholders in both languages', () => {
        for (const [key, text] of english) {
            expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
        }
    });

    it('are written in Chinese in zh-CN wherever English has words', () => {
        const sameAsEnglish = [...english].filter(([key, text]) => {
            const hasWords = /[A-Za-z]{3,}/.test(text.replace(/\{[^}]*\}/g, ''));
            return hasWords && chinese.get(key) === text && key !== 'app.name';
        });
        expect(sameAsEnglish.map(([key]) => key)).toEqual([]);
    });

    it('compile and render every message in both languages', () => {
        const i18n = createI18n({ legacy: false, locale: 'en', messages: { en, 'zh-CN': zhCN } });
        const values = { id: 1, total: 2, count: 3, path: '/x', status: 404, code: 'not_found', mean: '1', U: '2', k: '2.00', p: '95%' };
        for (const locale of ['en', 'zh-CN'] as const) {
            i18n.global.locale.value = locale;
            const messages = locale === 'en' ? english : chinese;
            for (const key of messages.keys()) {
                const text = i18n.global.t(key, values, 2);
                expect(text, `${locale} ${key}`).not.toBe(key);
                expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
                expect(text.includes('|') && key !== 'job.budget.contribution', `${locale} ${key}`).toBe(false);
            }
        }
        i18n.global.locale.value = 'en';
        expect(i18n.global.t('job.budget.contribution')).toBe('Contribution |cᵢ|·u(xᵢ)');
        expect(i18n.global.t('jobs.total', { total: 1 }, 1)).toBe('1 job');
        expect(i18n.global.t('jobs.total', { total: 3 }, 3)).toBe('3 jobs');
    });
});

describe('locale', () => {
    it('follows the first language of the browser that the app speaks', () => {
        expect(localeFromLanguages(['zh-CN', 'en-US'])).toBe('zh-CN');
        expect(localeFromLanguages(['zh-TW'])).toBe('zh-CN');
        expect(localeFromLanguages(['de-DE', 'en-GB', 'zh-CN'])).toBe('en');
        expect(localeFromLanguages(['fr'])).toBe('en');
        expect(localeFromLanguages([])).toBe('en');
    });

    it('keeps the reader’s choice over the browser’s language', () => {
        const stored = new Map<string, string>([[storageKey, 'en']]);
        const storage = {
            getItem: (k: string) => stored.get(k) ?? null,
            setItem: (k: string, v: string) => void stored.set(k, v),
        };
        expect(initialLocale(storage, ['zh-CN'])).toBe('en');
        stored.set(storageKey, 'klingon');
        expect(initialLocale(storage, ['zh-CN'])).toBe('zh-CN');
        expect(initialLocale(undefined, ['en'])).toBe('en');
    });
});
