// What may be done with a service request, and how its status is shown. Pure, so that the
// pages and the tests agree; the server enforces the same rules.
import type { RequestStatus, ServiceKind } from '../api/service_types';

export type RequestAction = 'accept' | 'reject' | 'ask' | 'answer' | 'convert';

/** The steps a user may take on a request in `status`; lab staff decide, enterprises answer. */
export function requestActions(status: RequestStatus, staff: boolean): RequestAction[] {
    switch (status) {
        case 'submitted':
            return staff ? ['accept', 'reject', 'ask'] : [];
        case 'question_asked':
            return staff ? ['answer', 'reject'] : ['answer'];
        case 'accepted':
            return staff ? ['convert'] : [];
        case 'rejected':
        case 'completed':
            return [];
    }
}

/** The Element Plus tag type of a status. */
export function statusTagType(status: RequestStatus): 'primary' | 'warning' | 'success' | 'danger' | 'info' {
    switch (status) {
        case 'submitted':
            return 'primary';
        case 'question_asked':
            return 'warning';
        case 'accepted':
            return 'success';
        case 'rejected':
            return 'danger';
        case 'completed':
            return 'info';
    }
}

/** What an accepted request of `kind` becomes when converted. */
export function conversionField(kind: ServiceKind): 'job_ids' | 'booking_ids' | 'written_answer' {
    switch (kind) {
        case 'calibration':
            return 'job_ids';
        case 'equipment_loan':
            return 'booking_ids';
        case 'technical_advice':
            return 'written_answer';
    }
}

/** "3, 4 5" → [3, 4, 5]; undefined when any item is not a positive integer. */
export function parseIdList(text: string): number[] | undefined {
    const items = text.split(/[\s,，]+/).filter((item) => item !== '');
    const ids = items.map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN));
    return ids.every((id) => Number.isSafeInteger(id) && id > 0) ? ids : undefined;
}

/** One name or description a line, blank lines dropped. */
export function parseLines(text: string): string[] {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
