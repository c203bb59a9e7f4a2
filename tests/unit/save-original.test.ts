// "Save a copy of the original…" in the shell: only a file name is suggested to the save
// dialog (never a folder from evidence), a cancelled dialog extracts nothing, and the
// engine's refusal comes back as its own TamgaError (code and message kept).
import { describe, expect, it, vi } from 'vitest';
import { saveOriginalCopy } from '../../src/main/ipc/save-original';
import type { ExtractRequest } from '../../src/shared/items';

const done = { itemId: 'id', outPath: '/out/a.mov', size: 3, sha256: 'ab', recorded: true };

describe('saveOriginalCopy', () => {
  it('suggests the name only, then extracts to the chosen path', async () => {
    const chooseSavePath = vi.fn(async () => '/out/a.mov');
    const extract = vi.fn(async (_request: ExtractRequest) => ({ ok: true as const, value: done }));
    expect(await saveOriginalCopy({ title: 'Save', item: 'id', name: '../../etc/evil\\name.mov' }, { chooseSavePath, extract })).toEqual(done);
    expect(chooseSavePath).toHaveBeenCalledWith({ title: 'Save', defaultName: 'name.mov' });
    expect(extract).toHaveBeenCalledWith({ item: 'id', outPath: '/out/a.mov' });
  });

  it('extracts nothing when the person cancels', async () => {
    const extract = vi.fn();
    expect(await saveOriginalCopy({ title: 'Save', item: 'id', name: 'a.mov' }, { chooseSavePath: async () => null, extract })).toBeNull();
    expect(extract).not.toHaveBeenCalled();
  });

  it('passes the engine refusal on as a TamgaError', async () => {
    const extract = async () => ({ ok: false as const, error: { code: 'ALREADY_EXISTS' as const, message: '/out/a.mov exists already' } });
    await expect(saveOriginalCopy({ title: 'Save', item: 'id', name: '' }, { chooseSavePath: async () => '/out/a.mov', extract })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: '/out/a.mov exists already',
    });
  });
});
