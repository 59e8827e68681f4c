import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';

const run = promisify(execFile);

/**
 * Poppler's command-line tools read the PDFs in the tests: an independent reader, not the library
 * that wrote them. Missing tools fail the test with what to install, never a skip.
 */
export function requirePopplerTools(): void {
  for (const tool of ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdfimages']) {
    const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error(
        `${tool} is missing: the report tests need Debian's poppler-utils (bash scripts/ensure-system-packages.sh --with-browser installs it, or: apt-get install poppler-utils)`,
      );
    }
  }
}

async function withPdfFile<T>(pdf: Buffer, use: (file: string, directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-report-'));
  try {
    const file = path.join(directory, 'report.pdf');
    await writeFile(file, pdf);
    return await use(file, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The text of the PDF with its layout kept (`pdftotext -layout`): a label and its value share a line. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 })).stdout);
}

/** The page count as `pdfinfo` reads it (it fails on a PDF it cannot parse). */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const { stdout } = await withPdfFile(pdf, (file) => run('pdfinfo', [file]));
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
  return Number(match[1]);
}

/** The images drawn on each page (`pdfimages -list`): page number (from 1) and size in pixels. */
export async function pdfImages(pdf: Buffer): Promise<{ page: number; width: number; height: number }[]> {
  const { stdout } = await withPdfFile(pdf, (file) => run('pdfimages', ['-list', file]));
  // Two header lines, then "page num type width height …" per image.
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => ({ page: Number(columns[0]), width: Number(columns[3]), height: Number(columns[4]) }));
}

export interface PdfWord {
  text: string;
  /** Points from the page's top left corner, as the report's layout measures them. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every page's words with their boxes (`pdftotext -bbox`), in the order poppler reads them. */
export async function pdfWords(pdf: Buffer): Promise<PdfWord[][]> {
  const xhtml = await withPdfFile(
    pdf,
    async (file) => (await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 })).stdout,
  );
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return xhtml
    .split('<page ')
    .slice(1)
    .map((page) =>
      Array.from(page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g), (match) => ({
        text: match[5]!.replace(/&(\w+);/g, (whole, name: string) => entities[name] ?? whole),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      })),
    );
}

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  /** Pixels that are not pure white. */
  inkedPixels: number;
}

/** The first page as a PNG at 50 dpi (`pdftoppm -png -f 1 -l 1 -r 50`), decoded to count its non-white pixels. */
export async function renderFirstPage(pdf: Buffer): Promise<RenderedPage> {
  return withPdfFile(pdf, async (file, directory) => {
    await run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '50', '-singlefile', file, path.join(directory, 'page')]);
    const png = await readFile(path.join(directory, 'page.png'));
    return { png, ...decodePng(png) };
  });
}

/** Enough of PNG (8-bit greyscale, RGB or RGBA, not interlaced; what pdftoppm writes) to count pixels. */
function decodePng(png: Buffer): { width: number; height: number; inkedPixels: number } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[colourType ?? -1] ?? 0;
      if (bitDepth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unexpected PNG format: depth ${bitDepth}, colour type ${colourType}`);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let inkedPixels = 0;
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (stride + 1)];
    const line = new Uint8Array(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let index = 0; index < stride; index += 1) {
      const left = index >= channels ? line[index - channels]! : 0;
      const up = previous[index]!;
      const upLeft = index >= channels ? previous[index - channels]! : 0;
      const predictor = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      line[index] = (line[index]! + predictor) & 0xff;
    }
    for (let pixel = 0; pixel < width; pixel += 1) {
      for (let channel = 0; channel < Math.min(channels, 3); channel += 1) {
        if (line[pixel * channels + channel] !== 255) {
          inkedPixels += 1;
          break;
        }
      }
    }
    previous = line;
  }
  return { width, height, inkedPixels };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
}
