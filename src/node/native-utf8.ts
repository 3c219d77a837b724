import { isAscii, isUtf8 } from 'node:buffer';
import type { Utf8Kind } from '../read/text-encoding.js';

/** What bytes are (see TextEncodingCheck), by Node's native checks: a million-row file in milliseconds, where decoding to test takes half a second. */
export const nativeUtf8Kind = (bytes: Uint8Array): Utf8Kind => (!isUtf8(bytes) ? 'not-utf-8' : isAscii(bytes) ? 'ascii' : 'utf-8');
