import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createCompressor } from '../../../integrations/precompress.ts';

describe('the compressor', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'digest-precompress-'));
  const compressor = createCompressor(2);
  afterAll(async () => {
    await compressor.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const page = new TextEncoder().encode(`<!DOCTYPE html><p>${'虚拟机的生命周期 nova '.repeat(400)}</p>`);

  it('writes gzip and Brotli copies of the bytes it is given, in a folder not yet made', async () => {
    const file = path.join(folder, 'issues/8/index.html');
    const summary = await compressor.compress(file, page);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(Buffer.from(page))).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(Buffer.from(page))).toBe(true);
    expect(summary.files).toBe(1);
    expect(summary.bytes).toBe(page.length);
    expect(summary.gzipBytes).toBe(readFileSync(`${file}.gz`).length);
    expect(summary.brotliBytes).toBe(readFileSync(`${file}.br`).length);
  });

  it('reads the files it is given by name, and writes no copy larger than its file', async () => {
    const large = path.join(folder, 'large.html');
    const tiny = path.join(folder, 'tiny.txt');
    writeFileSync(large, page);
    writeFileSync(tiny, 'x');
    const summary = await compressor.compressAll([large, tiny]);
    expect(gunzipSync(readFileSync(`${large}.gz`)).equals(Buffer.from(page))).toBe(true);
    expect(existsSync(`${tiny}.gz`)).toBe(false);
    expect(existsSync(`${tiny}.br`)).toBe(false);
    expect(summary.files).toBe(2);
    // The tiny file counts at its own size, as a host sends it.
    expect(summary.bytes).toBe(page.length + 1);
  });

  it('fails, rather than waits for ever, once its workers have stopped', async () => {
    const stopped = createCompressor(1);
    await stopped.close();
    await expect(stopped.compress(path.join(folder, 'late.html'), page)).rejects.toThrow(/stopped/);
  });

  it('fails naming the file it could not compress', async () => {
    const missing = path.join(folder, 'missing.html');
    await expect(compressor.compress(missing)).rejects.toThrow(missing);
  });
});
