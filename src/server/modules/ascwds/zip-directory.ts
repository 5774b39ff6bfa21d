/**
 * What a ZIP file (an .xlsx workbook is one) says it holds, read from its central directory
 * without inflating anything: so a "zip bomb" is refused on its declared sizes before a byte of it
 * is unpacked. Declared sizes can lie; the reader that unpacks the sheets counts what it really
 * gets (see xlsx.worker.ts), so a lie only gets as far as that reader's caps.
 */
export interface ZipEntry {
  name: string;
  compressedBytes: number;
  unpackedBytes: number;
  /** 0 stored, 8 deflated. */
  method: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("no central directory: the file is not a ZIP archive, or it was cut short");
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 marks its counts and offsets with all ones; a workbook under our size limit never needs it.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ZipFormatError("a ZIP64 archive, larger than any workbook the hub takes");
  if (offset + size > end) throw new ZipFormatError("its central directory points outside the file");
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL)
      throw new ZipFormatError("its central directory is damaged");
    const method = view.getUint16(p + 10, true);
    const compressedBytes = view.getUint32(p + 20, true);
    const unpackedBytes = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (compressedBytes === 0xffffffff || unpackedBytes === 0xffffffff)
      throw new ZipFormatError("a ZIP64 entry, larger than any workbook the hub takes");
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, compressedBytes, unpackedBytes, method, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's compressed bytes, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw new ZipFormatError("an entry's local header is damaged");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedBytes > bytes.length) throw new ZipFormatError("an entry runs past the end of the file");
  return bytes.subarray(start, start + entry.compressedBytes);
}
