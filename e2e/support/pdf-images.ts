import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfImage {
  page: number;
  width: number;
  height: number;
}

/**
 * The images placed on one page of a PDF, with their pixel sizes, as poppler's `pdfimages -list`
 * reads them (an independent reader, as server/features/reports/pdf-tools.test-support.ts uses).
 */
export async function pdfImagesOnPage(pdf: Buffer, page: number): Promise<PdfImage[]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-pdf-images-'));
  try {
    const file = path.join(directory, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfimages', ['-list', '-f', String(page), '-l', String(page), file]);
    // Two header lines, then: page num type width height …; soft masks (`smask`) are no image of their own.
    return stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns.length > 4 && columns[2] === 'image')
      .map((columns) => ({ page: Number(columns[0]), width: Number(columns[3]), height: Number(columns[4]) }));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
