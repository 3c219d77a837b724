// Windows-1252 as the WHATWG encoding standard maps it (Node 20's TextDecoder does not, for 0x80 to 0x9F).
import { expect, it } from 'vitest';
import { decodeWindows1252, undefinedIn1252 } from '../../src/read/text-encoding.js';

it('maps 0x80 to 0x9F to the characters Windows-1252 gives them, and its undefined bytes to the control characters', () => {
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
  expect(decodeWindows1252()(bytes)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  expect(decodeWindows1252()(Uint8Array.of(0x41, 0xe9, 0xff))).toBe('Aéÿ');
  expect(undefinedIn1252(bytes)).toBe(5);
});
