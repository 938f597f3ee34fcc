import { createHash } from 'node:crypto';

/** Our namespace for name-based ids (RFC 9562 UUIDv5): a fixed random UUID, never to change. */
const NAMESPACE = Buffer.from('6c1f3d2e8a9b4c5d9e0f1a2b3c4d5e6f', 'hex');

/**
 * A UUIDv5 of `name`: HSDS wants a UUID on every object, and an export made twice must give the same ids, so
 * organisations, locations, attributes and terms get ids derived from what they are, not random ones.
 */
export function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
