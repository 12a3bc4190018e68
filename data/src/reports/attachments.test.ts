import { describe, expect, test } from 'vitest';
import { onePixelPng } from '../../../test/images.js';
import { cleanFileName, sniffImageType } from './attachments.js';

describe('report photos', () => {
  test('the type comes from the first bytes, never from the name', () => {
    expect(sniffImageType(onePixelPng())).toBe('image/png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);
    expect(sniffImageType(webp)).toBe('image/webp');
    // A RIFF that is not WebP (a WAV), an SVG, a GIF, HTML, a truncated PNG, nothing.
    expect(sniffImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45]))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<html>'))).toBeNull();
    expect(sniffImageType(onePixelPng().slice(0, 4))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  test('a file name loses its path and control characters, and is never empty or long', () => {
    expect(cleanFileName('../../etc/Foto pabrik.png')).toBe('Foto pabrik.png');
    expect(cleanFileName('C:\\Users\\petugas\\IMG_0001.JPG')).toBe('IMG_0001.JPG');
    expect(cleanFileName('a\u0000b\r\n"c".png')).toBe('abc.png');
    expect(cleanFileName('   ')).toBe('foto');
    expect(cleanFileName('dir/')).toBe('foto');
    expect(cleanFileName(`${'x'.repeat(300)}.jpg`)).toHaveLength(120);
    expect(cleanFileName(`${'x'.repeat(300)}.jpg`).endsWith('.jpg')).toBe(true);
  });
});
