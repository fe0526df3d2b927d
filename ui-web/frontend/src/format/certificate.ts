// What the certificate and queue pages decide from the data: pure, tested in
// tests/certificates.test.ts. The server decides; these only choose what to offer.
import type { CertificateStatus } from '../api/certificates';
import type { Role } from '../api/types';

/** The Element Plus tag type of a certificate status. */
export function statusTagType(status: CertificateStatus): 'success' | 'warning' | 'danger' {
    if (status === 'valid') {
        return 'success';
    }
    return status === 'superseded' ? 'warning' : 'danger';
}

/** A signatory or manager may revoke a certificate that is still valid. */
export function mayRevoke(role: Role | undefined, status: CertificateStatus): boolean {
    return (role === 'signatory' || role === 'manager') && status === 'valid';
}

/** A technician may open a job that corrects a certificate that is still valid. */
export function mayCorrect(role: Role | undefined, status: CertificateStatus): boolean {
    return role === 'technician' && status === 'valid';
}

/** Only a signatory approves and issues. */
export function maySign(role: Role | undefined): boolean {
    return role === 'signatory';
}

/** A reason says something: not empty, not only spaces. */
export function hasReason(text: string): boolean {
    return text.trim().length > 0;
}

/** The app's verification page of a certificate number (public, no sign-in). */
export function verificationPagePath(number: string): string {
    return `/verification/${encodeURIComponent(number)}`;
}

/** A SHA-256 shortened for tables: the first and last eight hex digits. */
export function shortHash(sha256: string): string {
    return sha256.length <= 20 ? sha256 : `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;
}
