// The report of a round of timestamps, per server: how many seals each stamped, and the
// first reason one gave none (an unreachable server is reported for every seal).
import { describe, expect, it } from 'vitest';
import { summariseByServer } from '../../../src/renderer/src/features/timestamps/stamp-summary';
import { checkTimestampServers, checkTimestampUrl } from '../../../src/shared/timestamp';

const UP = 'http://127.0.0.1:1/tsr';
const DOWN = 'http://127.0.0.1:2/tsr';
const unreachable = { code: 'TSA_UNREACHABLE' as const, message: `The timestamp server ${DOWN} could not be reached: connection refused.` };

describe('summariseByServer', () => {
  it('counts per server, in the order asked, with the reason for the one that gave none', () => {
    const result = {
      tsas: [UP, DOWN],
      seals: 3,
      stamped: 3,
      outcomes: [
        { bundleId: 'a', tsa: UP, ok: true, genTime: '2026-12-03T10:00:00Z' },
        { bundleId: 'a', tsa: DOWN, ok: false, error: unreachable },
        { bundleId: 'b', tsa: UP, ok: true, genTime: '2026-12-03T10:00:01Z' },
        { bundleId: 'b', tsa: DOWN, ok: false, error: unreachable },
      ],
    };
    expect(summariseByServer(result)).toEqual([
      { tsa: UP, stamped: 2, failed: 0, error: null },
      { tsa: DOWN, stamped: 0, failed: 2, error: unreachable },
    ]);
  });

  it('says nothing was asked of a server with nothing to stamp', () => {
    expect(summariseByServer({ tsas: [UP], seals: 1, stamped: 1, outcomes: [] })).toEqual([{ tsa: UP, stamped: 0, failed: 0, error: null }]);
  });
});

describe('timestamp server addresses', () => {
  it('keep http and https addresses as typed (trimmed), and name each other problem', () => {
    expect(checkTimestampUrl('  http://timestamp.digicert.com ')).toEqual({ url: 'http://timestamp.digicert.com' });
    expect(checkTimestampUrl('https://freetsa.org/tsr')).toEqual({ url: 'https://freetsa.org/tsr' });
    for (const [input, reason] of [
      ['', 'empty'],
      ['   ', 'empty'],
      ['freetsa.org/tsr', 'notUrl'],
      ['http://free tsa.org/tsr', 'notUrl'],
      ['http://freetsa.org/\ntsr', 'notUrl'],
      ['ftp://freetsa.org/tsr', 'scheme'],
      ['file:///etc/passwd', 'scheme'],
      ['javascript:alert(1)', 'scheme'],
      [`http://example.org/${'a'.repeat(2048)}`, 'tooLong'],
    ] as const) {
      expect(checkTimestampUrl(input), input).toMatchObject({ reason });
    }
    expect(checkTimestampServers([UP, DOWN, ` ${UP}`])).toMatchObject({ index: 2, reason: 'duplicate' });
    expect(checkTimestampServers([])).toEqual({ urls: [] });
  });
});
