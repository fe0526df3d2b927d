// Unit symbols as people write them. The API names units in ASCII (degC); the page shows °C.
const symbols: Readonly<Record<string, string>> = {
    degC: '°C',
    degF: '°F',
    K: 'K',
    V: 'V',
    A: 'A',
    W: 'W',
    Hz: 'Hz',
    ohm: 'Ω',
    percent: '%',
};

export function unitSymbol(unit: string): string {
    return symbols[unit] ?? unit;
}

/** A value and its unit, with the space SI puts between them (none before °). */
export function withUnit(text: string, unit: string): string {
    const symbol = unitSymbol(unit);
    if (symbol === '') {
        return text;
    }
    return symbol === '%' ? `${text} %` : `${text} ${symbol}`;
}
