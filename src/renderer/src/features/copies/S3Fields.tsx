/**
 * Where an S3 copy is: endpoint, bucket, prefix, region, access key id and secret — for
 * adding a copy (AddCopyForm) and for restoring from one (RestoreForm). The secret is an
 * uncontrolled field read through `secret` only when the form is sent, so it never sits in
 * the window's state; the form empties it right after.
 */
import { useId, type JSX, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { S3ReplicaConfig } from '../../../../shared/replica';
import { TextField } from '../../ui/TextField';

export interface S3Location {
  readonly endpoint: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly region: string;
  readonly accessKeyId: string;
}

export const NO_S3_LOCATION: S3Location = { endpoint: '', bucket: '', prefix: '', region: '', accessKeyId: '' };

/** Whether enough is given to reach the bucket (the secret is not looked at: it is not in state). */
export const s3LocationGiven = (s3: S3Location): boolean => s3.endpoint.trim() !== '' && s3.bucket.trim() !== '' && s3.accessKeyId.trim() !== '';

/** The config the engine takes, with the secret read from its field now. */
export function s3ConfigOf(s3: S3Location, secret: string): S3ReplicaConfig {
  const region = s3.region.trim();
  return { kind: 's3', endpoint: s3.endpoint.trim(), bucket: s3.bucket.trim(), prefix: s3.prefix.trim(), region: region === '' ? null : region, accessKeyId: s3.accessKeyId.trim(), secretAccessKey: secret };
}

export interface S3FieldsProps {
  readonly value: S3Location;
  readonly onChange: (value: S3Location) => void;
  readonly secret: RefObject<HTMLInputElement | null>;
  /** What happens to the secret, said under its field. */
  readonly secretHint: string;
}

export function S3Fields({ value, onChange, secret, secretHint }: S3FieldsProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const field = (key: keyof S3Location) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <>
      <TextField label={t('copies.s3Endpoint')} hint={t('copies.s3EndpointHint')} value={value.endpoint} onChange={field('endpoint')} name="s3-endpoint" />
      <TextField label={t('copies.s3Bucket')} value={value.bucket} onChange={field('bucket')} name="s3-bucket" />
      <TextField label={t('copies.s3Prefix')} value={value.prefix} onChange={field('prefix')} name="s3-prefix" />
      <TextField label={t('copies.s3Region')} value={value.region} onChange={field('region')} name="s3-region" />
      <TextField label={t('copies.s3AccessKey')} value={value.accessKeyId} onChange={field('accessKeyId')} name="s3-access-key" />
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('copies.s3Secret')}</label>
        <input id={`${id}-secret`} ref={secret} name="s3-secret" type="password" autoComplete="off" spellCheck={false} />
        <p className="field-hint">{secretHint}</p>
      </div>
    </>
  );
}
