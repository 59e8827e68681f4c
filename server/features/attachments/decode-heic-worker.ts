// Runs in a worker thread started by decode-heic.ts, one per file, and posts one HeicWorkerAnswer.
// Node.js runs it without tsx (type stripping), so it uses erasable TypeScript only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

interface HeifImage {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(target: { data: Uint8ClampedArray; width: number; height: number }, done: (result: unknown) => void): void;
}
interface Libheif {
  HeifDecoder: new () => { decode(file: Uint8Array): HeifImage[] };
}

const { file, maxPixels } = workerData as { file: Uint8Array; maxPixels: number };
const require = createRequire(import.meta.url);
// The WebAssembly build, given its binary: libheif-js's own `wasm` entry reads it from the working directory.
const wasmBinary = readFileSync(require.resolve('libheif-js/libheif-wasm/libheif.wasm'));
const createLibheif = require('libheif-js/libheif-wasm/libheif.js') as (options: object) => Libheif;

let markReady = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));
const libheif = createLibheif({ wasmBinary, onRuntimeInitialized: () => markReady() });
await ready;
const images = new libheif.HeifDecoder().decode(file);
const image = images.find((candidate) => candidate.is_primary()) ?? images[0];
if (!image) {
  parentPort?.postMessage({ failure: 'not a HEIF image' });
} else if (image.get_width() * image.get_height() > maxPixels) {
  // Checked from the header, before a pixel is decoded: a small file may claim a huge image.
  parentPort?.postMessage({ failure: `${image.get_width()} × ${image.get_height()} pixels is more than allowed` });
} else {
  const width = image.get_width();
  const height = image.get_height();
  // libheif applies the file's rotation and mirroring (irot, imir) while decoding, so the pixels are upright.
  const pixels = new Uint8ClampedArray(width * height * 4);
  // The callback gets the target back once it is filled, or null when decoding failed.
  image.display({ data: pixels, width, height }, (result) => {
    if (result === null) parentPort?.postMessage({ failure: 'the image data could not be decoded' });
    else parentPort?.postMessage({ width, height, pixels }, [pixels.buffer]);
  });
}
