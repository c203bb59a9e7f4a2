// The path in plain words (bundle/hop-path.ts) and the hop.json a hop folder holds: the
// worked example of docs/formats.md, "Hops".
import { describe, expect, it } from 'vitest';
import { custodyPathText, pathHop } from '../../src/main/engine/bundle/hop-path';
import { hopJson } from '../../src/main/engine/provenance/hops';

const OBSERVER = '7c05a1b2-0000-4000-8000-000000000001';
const COORDINATOR = '3f9a0c1d-0000-4000-8000-000000000002';
const LAWYER = '9d2e4b6f-0000-4000-8000-000000000003';

const line = (seq: number, type: string, at: string, actor: string, data: object = {}): string => JSON.stringify({ event: { seq, type, at, actor, data }, hash: 'ab'.repeat(32), signature: 'cd'.repeat(64) });
const bagInfo = (vault: string, sealedAt: string): Buffer => Buffer.from(`Tamga-Signer: ${vault}\nTamga-Sealed-At: ${sealedAt}\n`);

describe('the path of an exhibit through vaults', () => {
  it('reads as the worked example', () => {
    const hop1 = pathHop(
      1,
      new Map([
        ['hop.json', hopJson({ format: 'tamga-hop', formatVersion: 1, exhibit: 'E0001', receivedIn: 2, receivedSeq: 1 })],
        ['bag-info.txt', bagInfo(OBSERVER, '2021-01-12T10:00:00.000Z')],
        ['custody.jsonl', Buffer.from(`${line(0, 'acquired', '2021-01-11T09:00:00.000Z', 'A. Sultanova (observer) · tamga-cli 0.2.0')}\n`)],
      ]),
    );
    const hop2 = pathHop(
      2,
      new Map([
        ['hop.json', hopJson({ format: 'tamga-hop', formatVersion: 1, exhibit: 'E0003', receivedIn: null, receivedSeq: 1 })],
        ['bag-info.txt', bagInfo(COORDINATOR, '2021-02-02T08:00:00.000Z')],
        ['custody.jsonl', Buffer.from(`${line(0, 'acquired', '2021-01-14T12:00:00.000Z', 'M. Dzhaksybekov · tamga-cli 0.2.0')}\n${line(1, 'received', '2021-01-14T12:00:00.000Z', 'M. Dzhaksybekov · tamga-cli 0.2.0', { verdict: 'valid' })}\n`)],
      ]),
    );
    expect(hop1).not.toBeNull();
    expect(hop2).not.toBeNull();
    const own = { vaultId: LAWYER, sealedAt: '2021-02-20T15:00:00.000Z', events: [{ seq: 0, type: 'acquired', at: '2021-02-03T10:00:00.000Z', actor: 'D. Bekov (lawyer) · tamga-app 0.2.0' }, { seq: 1, type: 'received', at: '2021-02-03T10:00:00.000Z', actor: 'D. Bekov (lawyer) · tamga-app 0.2.0', verdict: 'intact-unconfirmed-signer', problems: ['SIGNER_NOT_CONFIRMED'] }] };
    expect(custodyPathText('2021-01-10 08:14:00 (exif)', [hop1, hop2].filter((h) => h !== null), own)).toBe(
      'captured 2021-01-10 08:14:00 (exif); imported by A. Sultanova (observer) into vault 7c05a1b2… on 11 Jan 2021; sealed by 7c05a1b2… on 12 Jan 2021; ' +
        'received and checked by M. Dzhaksybekov (vault 3f9a0c1d…) on 14 Jan 2021; sealed by 3f9a0c1d… on 2 Feb 2021; ' +
        'received by D. Bekov (lawyer) (vault 9d2e4b6f…) on 3 Feb 2021 although its check found problems (intact-unconfirmed-signer: SIGNER_NOT_CONFIRMED); sealed by 9d2e4b6f… on 20 Feb 2021',
    );
  });

  it('writes hop.json exactly so', () => {
    expect(hopJson({ format: 'tamga-hop', formatVersion: 1, exhibit: 'E0003', receivedIn: null, receivedSeq: 1 }).toString('utf8')).toBe('{\n  "format": "tamga-hop",\n  "formatVersion": 1,\n  "exhibit": "E0003",\n  "receivedIn": null,\n  "receivedSeq": 1\n}\n');
  });
});
