import {
    decimalsForSignificant,
    formatDegreesOfFreedom,
    formatFixed,
    formatPercent,
    formatSignificant,
    formatUncertainty,
    noValue,
    resultDecimals,
} from '../src/format/number';
import { unitSymbol, withUnit } from '../src/format/units';

import { describe, expect, it } from 'vitest';

describe('decimalsForSignificant', () => {
    it('gives the decimals that leave the wanted significant digits', () => {
        expect(decimalsForSignificant(0.123, 2)).toBe(2);
        expect(decimalsForSignificant(0.0123, 2)).toBe(3);
        expect(decimalsForSignificant(1.23, 2)).toBe(1);
        expect(decimalsForSignificant(12.3, 2)).toBe(0);
        expect(decimalsForSignificant(1234, 2)).toBe(0);
        expect(decimalsForSignificant(-0.056, 2)).toBe(3);
    });

    it('drops a decimal when rounding carries into a new digit', () => {
        expect(decimalsForSignificant(0.0996, 2)).toBe(2); // 0.10, not 0.100
        expect(decimalsForSignificant(9.96, 2)).toBe(0); // 10, not 10.0
        expect(decimalsForSignificant(0.0994, 2)).toBe(3); // 0.099
    });

    it('is 0 for zero and for figures that do not exist', () => {
        expect(decimalsForSignificant(0, 2)).toBe(0);
        expect(decimalsForSignificant(Number.NaN, 2)).toBe(0);
        expect(decimalsForSignificant(Infinity, 2)).toBe(0);
    });
});

describe('GUM 7.2.6: U to two significant digits, the value to the same place', () => {
    // GUM 7.2.6's example: m_S = 100,021 47 g, U = 0,000 79 g (reported to two digits).
    it('states the GUM example as published', () => {
        const U = 0.00079;
        expect(formatUncertainty(U, 'en')).toBe('0.00079');
        expect(formatFixed(100.02147, resultDecimals(U), 'en')).toBe('100.02147');
    });

    it('rounds the value to the decimal place of U', () => {
        expect(formatFixed(37.1234567, resultDecimals(0.0567), 'en')).toBe('37.123');
        expect(formatFixed(37.1234567, resultDecimals(0.126), 'en')).toBe('37.12');
        expect(formatUncertainty(0.126, 'zh-CN')).toBe('0.13');
    });
});

describe('formatting in either language', () => {
    it('writes the same digits in zh-CN and en', () => {
        for (const locale of ['en', 'zh-CN']) {
            expect(formatFixed(-1234.5, 1, locale)).toBe('-1234.5');
            expect(formatFixed(2, 2, locale)).toBe('2.00');
        }
    });

    it('writes a dash for a figure that does not exist', () => {
        expect(formatFixed(Number.NaN, 2, 'en')).toBe(noValue);
        expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).toBe(noValue);
        expect(formatSignificant(Number.NaN, 3, 'en')).toBe(noValue);
    });

    it('writes infinite degrees of freedom as ∞', () => {
        expect(formatDegreesOfFreedom(null, 'en')).toBe('∞');
        expect(formatDegreesOfFreedom(Infinity, 'en')).toBe('∞');
        expect(formatDegreesOfFreedom(9.04, 'en')).toBe('9.0');
    });

    it('writes shares as percentages with one decimal', () => {
        expect(formatPercent(0.8123, 'en')).toBe('81.2%');
        expect(formatPercent(1, 'zh-CN')).toBe('100.0%');
    });

    it('writes coefficients to the significant digits asked', () => {
        expect(formatSignificant(1, 4, 'en')).toBe('1');
        expect(formatSignificant(-0.0012345, 3, 'en')).toBe('-0.00123');
    });
});

describe('units', () => {
    it('shows the symbol of a unit the API names in ASCII', () => {
        expect(unitSymbol('degC')).toBe('°C');
        expect(unitSymbol('ohm')).toBe('Ω');
        expect(unitSymbol('lx')).toBe('lx');
    });

    it('puts a space between value and unit', () => {
        expect(withUnit('37.1', 'degC')).toBe('37.1 °C');
        expect(withUnit('5', 'percent')).toBe('5 %');
        expect(withUnit('5', '')).toBe('5');
    });
});
