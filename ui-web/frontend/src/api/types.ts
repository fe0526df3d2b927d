// The shapes the server's JSON API returns (ui-web/src/job_json.cpp, ui-web/src/router.cpp).

/** `{"error": code, "message": text, "field"?: name}`: every error the API returns. */
export interface ApiErrorBody {
    error: string;
    message: string;
    field?: string;
}

/** `GET /api/health`. */
export interface Health {
    status: string;
    version: string;
    database: string;
}

/** Every list endpoint: one page of items and the total count. */
export interface Page<T> {
    items: T[];
    total: number;
}

export interface Reading {
    id: number;
    value: number;
    unit: string;
    source: string;
    /** ISO 8601, UTC, milliseconds. */
    taken_at: string;
    recorded_by: string;
}

/** One line of an uncertainty budget. */
export interface BudgetLine {
    name: string;
    /** Standard uncertainty of the input, in its own unit. */
    u: number;
    /** Sensitivity coefficient. */
    c: number;
    /** |c|·u, in the unit of the result. */
    contribution: number;
    /** Share of the combined variance, 0…1. */
    share: number;
    /** Degrees of freedom; null for infinite. */
    dof: number | null;
}

export interface MeasurementResult {
    n: number;
    mean: number;
    /** Experimental standard deviation of the readings. */
    s: number;
    /** Combined standard uncertainty. */
    u: number;
    /** Effective degrees of freedom (Welch–Satterthwaite); null for infinite. */
    dof: number | null;
    /** Coverage probability, 0…1. */
    p: number;
    /** Coverage factor. */
    k: number;
    /** Expanded uncertainty. */
    U: number;
    budget: BudgetLine[];
}

/** `GET /api/jobs/{id}` and the items of `GET /api/jobs`. */
export interface Job {
    id: number;
    title: string;
    instrument: string;
    quantity: string;
    unit: string;
    resolution: number;
    created_at: string;
    readings: Reading[];
    /** null until there are enough readings. */
    result: MeasurementResult | null;
}

export type Role = 'technician' | 'reviewer' | 'signatory' | 'manager' | 'admin' | 'enterprise_user';

/** A user as the API writes it (`GET /api/session`, `/api/users`). */
export interface User {
    id: number;
    username: string;
    role: Role;
    enterprise_id: number | null;
    display_name: string;
}

/** `POST /api/session` and `GET /api/session`. */
export interface SessionInfo {
    csrf_token: string;
    user: User;
    /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
    expires_at: string;
}

/** A page of a list endpoint with the page asked for. */
export interface PagedList<T> extends Page<T> {
    page: number;
    per_page: number;
}

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

/** `/api/enterprises`: read and written with the same fields (`id` only read). */
export interface Enterprise {
    id: number;
    name: string;
    credit_code: string;
    region: string;
    industry: string;
    size: SizeClass;
    contacts: string;
}

export type InstrumentKind =
    | 'ir_forehead_thermometer'
    | 'ir_ear_thermometer'
    | 'radiation_thermometer'
    | 'power_analyser'
    | 'energy_meter'
    | 'other';

/** `/api/instruments`. */
export interface Instrument {
    id: number;
    kind: InstrumentKind;
    maker: string;
    model: string;
    serial: string;
    range_low: number;
    range_high: number;
    unit: string;
    resolution: number;
    enterprise_id: number;
    regime: 'verification' | 'calibration';
}
