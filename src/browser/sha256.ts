import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Sha256 } from '../manifest/complete-run.js';

/** SHA-256 in the page, synchronously (the Web Crypto API only answers asynchronously): the same hex as Node's. */
export const sha256Hex: Sha256 = (content) => bytesToHex(sha256(content));
