import { unzipSync } from 'fflate';

/**
 * The total uncompressed size a zip (an .xlsx or .ods) declares in its central directory,
 * read without decompressing anything; undefined when the directory cannot be read (a
 * truncated or damaged file).
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | undefined {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return total;
}
