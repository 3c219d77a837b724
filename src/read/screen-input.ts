import { contentKind, type ContentKind } from './content-kind.js';
import { READABLE_TYPES } from './input-files.js';
import { ReadError } from './read-error.js';
import { checkFileSize, DEFAULT_MAX_INPUT_MB, MB, tooLarge, type ReadLimits } from './input-limits.js';
import { declaredUnzippedSize } from './zip-size.js';

const DAMAGED = 'is damaged or incomplete: open it in Excel and save it again, or export it again';

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")';

/** Why a file that is not text is refused: for a .csv or .txt, what was found in it and how to save it as text the tool reads. */
function notText(file: string, kind: 'pdf' | 'binary' | 'utf16-no-bom'): ReadError {
  if (kind === 'utf16-no-bom') return new ReadError(`${file} is UTF-16 text without a byte order mark, which cannot be told from binary content: ${SAVE_AS_UTF8}`);
  if (kind === 'binary' && /\.(csv|txt)$/i.test(file)) return new ReadError(`${file} holds binary content (NUL bytes), not text: export it again, or ${SAVE_AS_UTF8}`);
  return new ReadError(`${file} is not a spreadsheet${kind === 'pdf' ? ' (it is a PDF)' : ''}: the tool reads ${READABLE_TYPES} files`);
}

/** Refuses what SheetJS should never be asked to parse: empty, not a spreadsheet, damaged, too large. */
export function screenInput(bytes: Uint8Array, file: string, limits: ReadLimits = {}): ContentKind {
  const limitMb = limits.maxInputMb ?? DEFAULT_MAX_INPUT_MB;
  const kind = contentKind(bytes);
  if (kind === 'empty') throw new ReadError(`${file} is empty (0 bytes): export it again, or remove it from the inputs`);
  if (kind === 'pdf' || kind === 'binary' || kind === 'utf16-no-bom') throw notText(file, kind);
  checkFileSize(bytes.length, file, limits);
  if (kind === 'zip') {
    const unzipped = declaredUnzippedSize(bytes);
    if (unzipped === undefined) throw new ReadError(`${file} ${DAMAGED}`);
    if (unzipped > limitMb * MB) throw tooLarge(file, 'would unpack to', unzipped, limitMb);
  }
  return kind;
}

/** What a user is told when SheetJS cannot parse a file that passed the screen. SheetJS's own text is not shown: it can quote content. */
export function readFailure(error: unknown, file: string, kind: ContentKind): ReadError {
  const text = error instanceof Error ? error.message : '';
  if (/password|encrypt/i.test(text)) return new ReadError(`${file} is password-protected: remove the password and save again`);
  if (kind === 'zip' && /unsupported zip/i.test(text)) return new ReadError(`${file} is a zip file with no workbook in it (a Word document or another archive?): the tool reads ${READABLE_TYPES} files`);
  return new ReadError(`${file} ${DAMAGED}`);
}
