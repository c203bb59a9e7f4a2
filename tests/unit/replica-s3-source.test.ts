// How an S3 replica is named without a vault (`s3://BUCKET[/PREFIX]`, src/cli/s3-source.ts)
// and described (describeS3: the same words the store itself uses, for `replica status`).
import { describe, expect, it } from 'vitest';
import { parseS3Address } from '../../src/cli/s3-source';
import { createS3Store, describeS3 } from '../../src/main/engine/replica/s3-store';
import { describeConfig } from '../../src/main/engine/replica/open-store';

describe('s3:// addresses', () => {
  it('split into a bucket and a prefix, slashes around the prefix dropped', () => {
    expect(parseS3Address('s3://ngo')).toEqual({ bucket: 'ngo', prefix: '' });
    expect(parseS3Address('s3://ngo/')).toEqual({ bucket: 'ngo', prefix: '' });
    expect(parseS3Address('s3://ngo/tamga/laptop/')).toEqual({ bucket: 'ngo', prefix: 'tamga/laptop' });
    expect(parseS3Address('S3://ngo//tamga')).toEqual({ bucket: 'ngo', prefix: 'tamga' });
    expect(parseS3Address('s3:///tamga')).toEqual({ bucket: '', prefix: 'tamga' });
  });

  it('anything else is a folder', () => {
    expect(parseS3Address('/media/usb/replica')).toBeNull();
    expect(parseS3Address('replica-s3://x')).toBeNull();
    expect(parseS3Address('https://s3.example.org/ngo')).toBeNull();
  });
});

describe('describeS3', () => {
  const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-never-shown' };
  it('is the description the store gives, without a credential', () => {
    for (const [endpoint, prefix] of [['https://s3.example.org/', 'tamga/laptop/'], ['http://127.0.0.1:9000', undefined], ['https://S3.Example.org', '/a/b']] as const) {
      const store = createS3Store({ endpoint, bucket: 'ngo', credentials, ...(prefix === undefined ? {} : { prefix }) });
      expect(describeS3({ endpoint, bucket: 'ngo', prefix })).toBe(store.description);
      expect(store.description).not.toContain(credentials.secretAccessKey);
      expect(store.description).not.toContain(credentials.accessKeyId);
    }
    expect(describeS3({ endpoint: 'https://s3.example.org/', bucket: 'ngo', prefix: 'tamga/laptop' })).toBe('S3 bucket ngo/tamga/laptop at https://s3.example.org');
    expect(describeConfig({ kind: 's3', endpoint: 'https://s3.example.org', bucket: 'ngo', prefix: '', region: null, ...credentials })).toBe('S3 bucket ngo at https://s3.example.org');
  });

  it('names a config that no longer parses as it was written', () => {
    expect(describeS3({ endpoint: 'not a url', bucket: 'ngo', prefix: 'a/../b' })).toBe('S3 bucket ngo/a/../b at not a url');
  });
});
