import * as XLSX from 'xlsx';

export interface SheetLayout {
  /** Freeze the header row so it stays in view. */
  freezeHeader: boolean;
  /** Print landscape, fitted to one page wide. */
  landscape: boolean;
}

const FROZEN = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

function applyLayout(xml: string, layout: SheetLayout): string {
  let out = xml;
  if (layout.freezeHeader) out = out.replace(/<sheetView [^>]*?\/>/, FROZEN).replace(/<sheetView [^>]*?><\/sheetView>/, FROZEN);
  if (layout.landscape) {
    out = out.replace(/<worksheet([^>]*)>/, '<worksheet$1><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    const setup = '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    out = /<pageMargins[^>]*\/>/.test(out) ? out.replace(/(<pageMargins[^>]*\/>)/, `$1${setup}`) : out.replace('</sheetData>', `</sheetData>${setup}`);
  }
  return out;
}

/**
 * SheetJS (community build) does not write frozen panes or page set-up, so they are added to
 * the sheet XML of the written zip. Sheets are in workbook order (sheet1.xml, sheet2.xml, ...).
 */
export function withSheetLayouts(bytes: Uint8Array, layouts: readonly SheetLayout[]): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  layouts.forEach((layout, i) => {
    const path = `/xl/worksheets/sheet${i + 1}.xml`;
    const entry = XLSX.CFB.find(zip, path);
    if (!entry?.content) return;
    const xml = new TextDecoder().decode(entry.content as Uint8Array);
    XLSX.CFB.utils.cfb_add(zip, path, new TextEncoder().encode(applyLayout(xml, layout)));
  });
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array;
}
