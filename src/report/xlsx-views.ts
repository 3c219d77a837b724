import * as XLSX from 'xlsx';

export interface SheetLayout {
  /** Freeze the rows down to the header so it stays in view. */
  freezeHeader: boolean;
  /** Print landscape, fitted to one page wide. */
  landscape: boolean;
  /** The header row, 0-based (below any lines that introduce the table); set in bold. */
  headerRow?: number;
  /** The first row is a title: set large and bold. */
  title?: boolean;
}

/** Cell formats added to the workbook's styles: bold and wrapped (header rows) and large bold (titles), by their index. */
interface AddedStyles {
  bold: number;
  title: number;
}

const frozen = (rows: number) => {
  const top = `A${rows + 1}`;
  return `<sheetView workbookViewId="0"><pane ySplit="${rows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`;
};

/** Gives every cell of the 1-based row `r` the cell format `style`. */
const styleRow = (xml: string, r: number, style: number) =>
  xml.replace(new RegExp(`<row r="${r}"[^>]*>.*?</row>`), (row) => row.replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, `<c r="$1" s="${style}"`));

function applyLayout(xml: string, layout: SheetLayout, styles: AddedStyles): string {
  let out = xml;
  const header = layout.headerRow ?? 0;
  if (layout.freezeHeader) out = out.replace(/<sheetView [^>]*?\/>/, frozen(header + 1)).replace(/<sheetView [^>]*?><\/sheetView>/, frozen(header + 1));
  out = styleRow(out, header + 1, styles.bold);
  if (layout.title) out = styleRow(out, 1, styles.title);
  if (layout.landscape) {
    out = out.replace(/<worksheet([^>]*)>/, '<worksheet$1><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    const setup = '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    out = /<pageMargins[^>]*\/>/.test(out) ? out.replace(/(<pageMargins[^>]*\/>)/, `$1${setup}`) : out.replace('</sheetData>', `</sheetData>${setup}`);
  }
  return out;
}

/** Adds a bold font and a large bold font, and a cell format for each (the bold one wraps), to the styles part; returns their indexes. */
function addStyles(xml: string): { xml: string; styles: AddedStyles } {
  const fonts = Number(/<fonts count="(\d+)"/.exec(xml)![1]);
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(xml)![1]);
  const font = (size: number) => `<font><b/><sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  const xf = (fontId: number, wrap: boolean) =>
    wrap
      ? `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="bottom" wrapText="1"/></xf>`
      : `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
  const out = xml
    .replace(/<fonts count="\d+">(.*?)<\/fonts>/, (_all, inner: string) => `<fonts count="${fonts + 2}">${inner}${font(12)}${font(16)}</fonts>`)
    .replace(/<cellXfs count="\d+">(.*?)<\/cellXfs>/, (_all, inner: string) => `<cellXfs count="${xfs + 2}">${inner}${xf(fonts, true)}${xf(fonts + 1, false)}</cellXfs>`);
  return { xml: out, styles: { bold: xfs, title: xfs + 1 } };
}

const decode = (entry: { content?: unknown }) => new TextDecoder().decode(entry.content as Uint8Array);

/**
 * SheetJS (community build) does not write frozen panes, page set-up or fonts, so they are added
 * to the XML of the written zip. Sheets are in workbook order (sheet1.xml, sheet2.xml, ...).
 */
export function withSheetLayouts(bytes: Uint8Array, layouts: readonly SheetLayout[]): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const stylesEntry = XLSX.CFB.find(zip, '/xl/styles.xml')!;
  const { xml: stylesXml, styles } = addStyles(decode(stylesEntry));
  XLSX.CFB.utils.cfb_add(zip, '/xl/styles.xml', new TextEncoder().encode(stylesXml));
  layouts.forEach((layout, i) => {
    const path = `/xl/worksheets/sheet${i + 1}.xml`;
    const entry = XLSX.CFB.find(zip, path);
    if (!entry?.content) return;
    XLSX.CFB.utils.cfb_add(zip, path, new TextEncoder().encode(applyLayout(decode(entry), layout, styles)));
  });
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array;
}
