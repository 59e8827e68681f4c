import { Worker } from 'node:worker_threads';

/** An image as 8-bit RGBA pixels, row by row, top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

/** What decode-heic-worker.ts posts: the image, or why there is none. */
type HeicWorkerAnswer = RgbaImage | { failure: string };

/** How long one file may take; a 48-megapixel photo takes a few seconds on a slow core. */
const decodeTimeoutMs = 60_000;

/**
 * Decodes the primary image of a HEIC file (iPhone photos) with libheif compiled to WebAssembly
 * (libheif-js): the libvips that sharp ships decodes no HEVC. The decoder is synchronous, so it
 * runs in a worker thread of its own, one per file: the event loop stays free, and the decoder's
 * memory (about 4 bytes a pixel) is returned when the worker ends. Rejects when the file is not a
 * HEIC image it can decode, has more than `maxPixels` pixels, or takes too long.
 */
export async function decodeHeic(file: Uint8Array, maxPixels: number): Promise<RgbaImage> {
  const worker = new Worker(new URL('./decode-heic-worker.ts', import.meta.url), {
    workerData: { file, maxPixels },
    // Without the parent's flags (tsx): Node.js strips the worker's types itself, and starts it faster.
    execArgv: [],
    // libheif reports failures with console.log; the answer says what went wrong.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const timer = setTimeout(() => void worker.terminate(), decodeTimeoutMs);
  try {
    const answer = await new Promise<HeicWorkerAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the HEIC decoder stopped (exit code ${code}) without an answer`)));
    });
    if ('failure' in answer) throw new Error(`HEIC: ${answer.failure}`);
    return answer;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
