import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src-main/import/readSourceFile.js';
import { exportBoth } from '../export/exportHelpers.js';
import { ROOT, sample } from '../helpers.js';

const HONGZE = join(ROOT, '..', 'shared', 'reference-reports', 'published', 'hongze-gov-2023.pdf');
let dir: string;
let exportedDocx: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drs-import-bad-'));
  exportedDocx = readFileSync((await exportBoth(sample('gov-2021'))).docxPath);
}, 120_000);

/** Reads a bad file: it must fail fast with a message in both languages that names the file, and leave the file as it was. */
async function refusal(name: string, bytes: Uint8Array | null, path = join(dir, name)) {
  if (bytes) writeFileSync(path, bytes);
  const before = bytes ? readFileSync(path) : null;
  const started = Date.now();
  const result = await readSourceFile(path, { soffice: null });
  expect(Date.now() - started, name).toBeLessThan(5_000);
  expect(result.ok, name).toBe(false);
  if (before) expect(readFileSync(path).equals(before)).toBe(true);
  if (result.ok) throw new Error('read');
  expect(result.message['zh-CN']).toContain(name);
  expect(result.message.en).toContain(name);
  return result.message;
}

function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

/** A PDF holding only a picture of a page, as a scanner makes it. */
async function imageOnlyPdf(): Promise<Buffer> {
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', HONGZE, join(dir, 'scan')]);
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(join(dir, 'scan.png'), 0, 0, { width: 595 });
  doc.end();
  return done;
}

describe('files that are not a readable report each get a clear message, fast', () => {
  it('an empty file', async () => {
    expect((await refusal('空白.docx', new Uint8Array()))['zh-CN']).toContain('空文件');
  });

  it('random bytes, whatever the name says', async () => {
    expect((await refusal('junk.bin', randomBytes(5000))).en).toContain('not recognised');
    expect((await refusal('junk.html', randomBytes(5000))).en).toContain('not recognised');
    expect((await refusal('junk.docx', randomBytes(5000))).en).toContain('damaged or incomplete');
    expect((await refusal('junk.pdf', randomBytes(5000))).en).toContain('damaged or incomplete');
  });

  it('an image-only PDF: no text layer, no OCR, import the Word file or web page instead', async () => {
    const message = await refusal('扫描件.pdf', await imageOnlyPdf());
    expect(message['zh-CN']).toContain('没有文字层');
    expect(message['zh-CN']).toContain('OCR');
    expect(message.en).toContain('Word file');
  });

  it('a zip that is not a Word document', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('not a report'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    expect((await refusal('表格.docx', zip))['zh-CN']).toContain('不是 Word 文档');
  });

  it('a DOCX or PDF cut off in the middle (an interrupted download)', async () => {
    expect((await refusal('cut.docx', exportedDocx.subarray(0, Math.floor(exportedDocx.length / 2)))).en).toContain('damaged or incomplete');
    const pdf = readFileSync(HONGZE);
    expect((await refusal('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.7)))).en).toContain('damaged or incomplete');
  });

  it('a DOCX whose document part claims to unpack to 300 MB (a zip bomb) is not unpacked', async () => {
    const bomb = Buffer.from(exportedDocx);
    // Patch the central directory's uncompressed size of word/document.xml.
    for (let at = bomb.indexOf('PK\x01\x02'); at >= 0; at = bomb.indexOf('PK\x01\x02', at + 4)) {
      const nameLength = bomb.readUInt16LE(at + 28);
      if (bomb.toString('latin1', at + 46, at + 46 + nameLength) === 'word/document.xml') bomb.writeUInt32LE(300 * 1024 * 1024, at + 24);
    }
    expect((await refusal('bomb.docx', bomb)).en).toContain('unpacks to more than');
  });

  it('a 61 MB file: the message names its size and the limit', async () => {
    const path = join(dir, 'huge.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, 61 * 1024 * 1024);
    const message = await refusal('huge.pdf', null, path);
    expect(message['zh-CN']).toContain('61.0 MiB');
    expect(message['zh-CN']).toContain('60.0 MiB');
  });

  it.skipIf(process.platform === 'win32')('a FIFO is refused at once, not waited on', async () => {
    const path = join(dir, 'pipe.docx');
    execFileSync('mkfifo', [path]);
    expect((await refusal('pipe.docx', null, path)).en).toContain('not a regular file');
  });

  it('a folder', async () => {
    expect((await refusal('drs-import-bad', null, dir)).en).toContain('not a regular file');
  });
});
