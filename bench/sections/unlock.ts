/** Unlock at the default KDF parameters, against scrypt alone with the same parameters. */
import { deriveKek, newScryptParams } from '../../src/main/engine/crypto/kdf';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { interleaved } from '../measure';
import type { Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, type BenchContext } from './context';

export async function benchUnlock(ctx: BenchContext): Promise<Row[]> {
  const root = await freshVault(ctx, 'unlock');
  const params = newScryptParams();
  const m = await interleaved(
    {
      unlock: async () => (await unlockVault(root, BENCH_PASSPHRASE)).close(),
      scrypt: async () => void (await deriveKek(BENCH_PASSPHRASE, params)).fill(0),
    },
    { runs: ctx.quick ? 3 : 7, warmup: 1 },
  );
  const unlock = m['unlock']?.medianMs ?? Number.NaN;
  const scrypt = m['scrypt']?.medianMs ?? Number.NaN;
  return [
    {
      section: 'Unlock',
      what: `unlock at default KDF (scrypt N=2^${Math.log2(params.N)}, r=${params.r}, p=${params.p}) + open the index`,
      value: unlock,
      unit: 'ms',
      baseline: { what: 'scrypt alone, same parameters', value: scrypt, unit: 'ms' },
      // No goal in the issues: scrypt's cost is the point (every guess an attacker makes
      // pays it); the ratio shows that opening adds little to it.
      ratio: scrypt / unlock,
    },
  ];
}
