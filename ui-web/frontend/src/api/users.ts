// Users and roles (administrators): `/api/users`. A password is sent once and never read.
import { apiGet, apiPost, apiRequest } from './client';
import type { PagedList, Role } from './types';

export interface Account {
    id: number;
    username: string;
    role: Role;
    enterprise_id: number | null;
    display_name: string;
    email: string;
    disabled: boolean;
    authorisations: string[];
}

export interface NewAccount {
    username: string;
    role: Role;
    enterprise_id?: number | null;
    display_name: string;
    email: string;
    password: string;
}

export interface AccountChange {
    role?: Role;
    enterprise_id?: number | null;
    disabled?: boolean;
}

export function listUsers(signal?: AbortSignal): Promise<PagedList<Account>> {
    return apiGet('/api/users?per_page=500', signal);
}

export function addUser(user: NewAccount): Promise<Account> {
    return apiPost('/api/users', user);
}

export function changeUser(id: number, change: AccountChange): Promise<Account> {
    return apiRequest('PATCH', `/api/users/${id}`, change);
}

export function authoriseUser(id: number, procedureCode: string): Promise<Account> {
    return apiPost(`/api/users/${id}/authorisations`, { procedure_code: procedureCode });
}
