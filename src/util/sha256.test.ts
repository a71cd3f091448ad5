import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.ts';

describe('sha256Hex', () => {
  it.each([
    // printf '' | sha256sum ; printf 'abc' | sha256sum ; printf '中文' | sha256sum
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['中文', '72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21'],
  ])('hashes %j as UTF-8', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });
});
