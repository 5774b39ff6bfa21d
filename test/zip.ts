import { crc32, deflateRawSync } from "node:zlib";

/**
 * Writes a ZIP file by hand, for tests of what hostile workbooks can do: an entry's content can be
 * given already deflated (a bomb built without holding it unpacked), and its declared unpacked size
 * can lie.
 */
export interface ZipPart {
  name: string;
  /** The content, deflated here. */
  text?: string;
  /** Or the content already deflated, with its real unpacked size and CRC. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** A lie told in the headers about the unpacked size. */
  declaredSize?: number;
}

export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = part.text !== undefined ? Buffer.from(part.text, "utf8") : null;
    const data = raw ? deflateRawSync(raw) : Buffer.from(part.deflated?.bytes ?? new Uint8Array());
    const size = part.declaredSize ?? (raw ? raw.length : (part.deflated?.size ?? 0));
    const crc = raw ? crc32(raw) : (part.deflated?.crc ?? 0);
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** prefix, `unit` repeated `times` times, suffix: deflated, with its real size, as a bomb's payload. */
export function deflatedRepeat(prefix: string, unit: string, times: number, suffix: string) {
  const text = Buffer.concat([Buffer.from(prefix), Buffer.from(unit.repeat(times)), Buffer.from(suffix)]);
  return { bytes: new Uint8Array(deflateRawSync(text, { level: 1 })), size: text.length, crc: crc32(text) };
}

/** The parts every workbook needs around its sheets. */
export function workbookParts(
  sheets: { name: string; xml?: string; deflated?: ZipPart["deflated"]; declaredSize?: number }[],
): ZipPart[] {
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    },
    {
      name: "xl/sharedStrings.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="0" uniqueCount="0"></sst>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      text: s.xml,
      deflated: s.deflated,
      declaredSize: s.declaredSize,
    })),
  ];
}

export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
/** A column's letters: 1 → A, 27 → AA. */
export const columnLetters = (n: number): string =>
  (n > 26 ? columnLetters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
export const inlineRow = (n: number, cells: string[]) =>
  `<row r="${n}">${cells.map((c, i) => `<c r="${columnLetters(i + 1)}${n}" t="inlineStr"><is><t>${c}</t></is></c>`).join("")}</row>`;
