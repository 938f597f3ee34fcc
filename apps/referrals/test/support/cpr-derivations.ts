import { createHash } from 'node:crypto';

/** A value someone holding a database copy, a backup, an event or a log line could compute from a CPR number. */
export interface Derivation {
  label: string;
  value: string;
}

const DIGESTS = ['sha256', 'sha1', 'md5'] as const;

function encodings(label: string, bytes: Buffer): Derivation[] {
  return [
    { label: `${label} hex`, value: bytes.toString('hex') },
    { label: `${label} base64`, value: bytes.toString('base64') },
    { label: `${label} base64url`, value: bytes.toString('base64url') },
  ];
}

/**
 * Everything derivable from one CPR number without a key: the digits (with and without hyphen, reversed,
 * as the hex a bytea would show, as base64) and their SHA-256, SHA-1 and MD5 digests.
 */
export function cprDerivations(cpr: string): Derivation[] {
  const digits = cpr.replace('-', '');
  const forms = { digits, hyphen: `${digits.slice(0, 6)}-${digits.slice(6)}` };
  const out: Derivation[] = [];
  for (const [form, text] of Object.entries(forms)) {
    const reversed = [...text].reverse().join('');
    out.push({ label: `CPR ${form}`, value: text }, { label: `CPR ${form} reversed`, value: reversed });
    out.push(...encodings(`CPR ${form} as bytes`, Buffer.from(text)));
    for (const digest of DIGESTS) {
      out.push(...encodings(`${digest}(CPR ${form})`, createHash(digest).update(text).digest()));
    }
  }
  return out;
}

/**
 * The request hash the old Idempotency-Key code stored for a create: SHA-256 of method, path and the JSON body
 * (CPR included), guessable by trying every CPR number.
 */
export function oldRequestHashes(body: unknown): Derivation[] {
  const hash = createHash('sha256')
    .update(`POST /api/v1/referrals\n${JSON.stringify(body)}`)
    .digest();
  return encodings('sha256 of the create request (old request_hash)', hash);
}

/** Labels of the derivations that occur in the text (compared case-insensitively: hex may be upper case). */
export function derivationsIn(text: string, derivations: Derivation[]): string[] {
  const lower = text.toLowerCase();
  return derivations.filter((d) => lower.includes(d.value.toLowerCase())).map((d) => d.label);
}

/** A random CPR number with a real date in the 1900s (serial starting 0–3), unlikely to meet another test's. */
export function randomCpr(): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = 1 + Math.floor(Math.random() * 28);
  const month = 1 + Math.floor(Math.random() * 12);
  const year = 40 + Math.floor(Math.random() * 60);
  const serial = Math.floor(Math.random() * 4000);
  return `${pad(day)}${pad(month)}${pad(year)}${pad(serial, 4)}`;
}
