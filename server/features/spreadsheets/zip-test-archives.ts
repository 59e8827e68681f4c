import { deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: its name, its bytes as stored, and the sizes its headers claim. */
export interface ZipEntry {
  name: string;
  stored: Buffer;
  /** 8: deflate; 0: stored. */
  method: number;
  uncompressedSize: number;
}

/**
 * A zip archive written byte by byte (local headers, central directory, end record), so tests can
 * make archives that lie about their sizes: what a zip bomb does and no zip library will write.
 * CRCs are left 0: the checks under test run before anything would verify them.
 */
export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Zeros deflated: `megabytes` MiB become about a thousandth of that. */
export function deflatedZeros(megabytes: number): Buffer {
  return deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
}

/** Three entries each claiming 4 GB − 1 of XML: 12 GB declared, a few hundred bytes sent. */
export function claimingBomb(): Buffer {
  const stored = deflateRawSync(Buffer.from('<x/>'));
  return buildZip(
    ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].map((name) => ({ name, stored, method: 8, uncompressedSize: 0xfffffffe })),
  );
}

/** One entry that claims 1 KiB but inflates to 64 MiB: only inflating it tells. */
export function lyingBomb(): Buffer {
  return buildZip([{ name: 'xl/worksheets/sheet1.xml', stored: deflatedZeros(64), method: 8, uncompressedSize: 1024 }]);
}
