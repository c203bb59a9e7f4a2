// The strict JSON reading behind verify's exhibits.json and vault-key.json: JSON.parse
// keeps the last of two equal member names, so a repeated name anywhere is found (names
// compared after their escapes are decoded), and nothing else is taken for one.
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, jsonPath, parseStrictJson } from '../../src/main/engine/bundle/verify/strict-json';

describe('strict JSON', () => {
  it('finds a member named twice at any depth, with the path to its object', () => {
    expect(findDuplicateKey('{"a": 1, "a": 2}')).toEqual({ path: [], key: 'a' });
    expect(findDuplicateKey('{"exhibits": [{"n": 1}, {"sha256": "x", "size": 2, "sha256": "y"}]}')).toEqual({ path: ['exhibits', 1], key: 'sha256' });
    expect(findDuplicateKey('{"e": [[{"c": {"h": 1, "h": 1}}]]}')).toEqual({ path: ['e', 0, 0, 'c'], key: 'h' });
  });

  it('compares names after decoding their escapes', () => {
    expect(findDuplicateKey('{"sha256": 1, "sha\\u003256": 2}')).toEqual({ path: [], key: 'sha256' });
    expect(findDuplicateKey('{"a\\"b": 1, "a\\u0022b": 2}')).toEqual({ path: [], key: 'a"b' });
  });

  it('takes no value, sibling object or text with quotes, braces and commas for a repeated name', () => {
    expect(findDuplicateKey('{"a": "a", "b": {"a": 1}, "c": [{"a": 1}, {"a": 2}]}')).toBeNull();
    expect(findDuplicateKey('{"a": "x\\\\", "b": "{\\"a\\": 1, \\"a\\": 2}", "c": ",\\"a\\":"}')).toBeNull();
    expect(findDuplicateKey('["a", "a", {"a": ["a", "a"]}]')).toBeNull();
    expect(findDuplicateKey('{"k": [1, 2, {"x": null}], "x": true, "y": {"k": 1}}')).toBeNull();
  });

  it('gives the value, a syntax refusal, or the duplicate with the value a program would read', () => {
    expect(parseStrictJson('{"a": [1, {"b": "c"}]}')).toEqual({ ok: true, value: { a: [1, { b: 'c' }] } });
    expect(parseStrictJson('{"a": 1,}')).toEqual({ ok: false, reason: 'syntax' });
    expect(parseStrictJson('{"a": 1, "a": 2}')).toEqual({ ok: false, reason: 'duplicate', duplicate: { path: [], key: 'a' }, value: { a: 2 } });
  });

  it('names a path as a reader finds it', () => {
    expect(jsonPath(['exhibits', 3, 'custody'])).toBe('exhibits[3].custody');
    expect(jsonPath(['a b', 0])).toBe('["a b"][0]');
  });
});
