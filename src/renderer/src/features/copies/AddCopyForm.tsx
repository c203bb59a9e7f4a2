/**
 * "Add a copy…": a name and where the copy goes, a folder (typed, or chosen with the
 * system's folder dialog) or an S3 bucket (endpoint, bucket, prefix, region, access key id
 * and secret). The secret is read from its field only when the form is sent and the field
 * is emptied right after: it never sits in the window's state, and the engine keeps it in
 * the encrypted index and never sends it back. A refusal shows the engine's own sentence
 * (UNSUPPORTED for a storage this build cannot reach yet, ALREADY_EXISTS for a full folder).
 */
import { useId, useRef, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import type { ReplicaConfig } from '../../../../shared/replica';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';

export interface AddCopyFormProps {
  readonly readOnly: boolean;
  readonly onChooseFolder: () => Promise<string | null>;
  /** Resolves with the engine's refusal, or null once added. */
  readonly onAdd: (name: string, config: ReplicaConfig) => Promise<TamgaError | null>;
}

type Kind = 'folder' | 's3';

function TextField({ label, value, onChange, name, hint }: { readonly label: string; readonly value: string; readonly onChange: (v: string) => void; readonly name: string; readonly hint?: string }): JSX.Element {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      {hint !== undefined && <p className="field-hint">{hint}</p>}
    </div>
  );
}

export function AddCopyForm({ readOnly, onChooseFolder, onAdd }: AddCopyFormProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('folder');
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [s3, setS3] = useState({ endpoint: '', bucket: '', prefix: '', region: '', accessKeyId: '' });
  const secret = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TamgaError | null>(null);
  const field = (key: keyof typeof s3) => (value: string) => setS3((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const secretField = secret.current;
    const config: ReplicaConfig =
      kind === 'folder'
        ? { kind: 'folder', path: path.trim() }
        : { kind: 's3', endpoint: s3.endpoint.trim(), bucket: s3.bucket.trim(), prefix: s3.prefix.trim(), region: s3.region.trim() === '' ? null : s3.region.trim(), accessKeyId: s3.accessKeyId.trim(), secretAccessKey: secretField?.value ?? '' };
    // Emptied at once, whatever the engine answers: typed again if the copy is refused.
    if (secretField !== null) secretField.value = '';
    setBusy(true);
    const refused = await onAdd(name.trim(), config);
    setBusy(false);
    setError(refused);
    if (refused === null) {
      setName('');
      setPath('');
      setS3({ endpoint: '', bucket: '', prefix: '', region: '', accessKeyId: '' });
    }
  };

  const ready = name.trim() !== '' && (kind === 'folder' ? path.trim() !== '' : s3.endpoint.trim() !== '' && s3.bucket.trim() !== '' && s3.accessKeyId.trim() !== '');
  return (
    <form className="add-copy" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h4 id={`${id}-title`}>{t('copies.addTitle')}</h4>
      <TextField label={t('copies.name')} hint={t('copies.nameHint')} value={name} onChange={setName} name="replica-name" />
      <fieldset className="field">
        <legend>{t('copies.kind')}</legend>
        <label>
          <input type="radio" name="replica-kind" checked={kind === 'folder'} onChange={() => setKind('folder')} /> {t('copies.kindFolder')}
        </label>
        <label>
          <input type="radio" name="replica-kind" checked={kind === 's3'} onChange={() => setKind('s3')} /> {t('copies.kindS3')}
        </label>
      </fieldset>
      {kind === 'folder' ? (
        <div className="field">
          <label htmlFor={`${id}-path`}>{t('copies.folder')}</label>
          <div className="field-row">
            <input id={`${id}-path`} name="replica-path" type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} autoComplete="off" />
            <button type="button" className="button" onClick={() => void onChooseFolder().then((chosen) => chosen !== null && setPath(chosen))}>
              <Icon name="folder" />
              <span>{t('vault.chooseFolder')}</span>
            </button>
          </div>
          <p className="field-hint">{t('copies.folderHint')}</p>
        </div>
      ) : (
        <>
          <TextField label={t('copies.s3Endpoint')} hint={t('copies.s3EndpointHint')} value={s3.endpoint} onChange={field('endpoint')} name="s3-endpoint" />
          <TextField label={t('copies.s3Bucket')} value={s3.bucket} onChange={field('bucket')} name="s3-bucket" />
          <TextField label={t('copies.s3Prefix')} value={s3.prefix} onChange={field('prefix')} name="s3-prefix" />
          <TextField label={t('copies.s3Region')} value={s3.region} onChange={field('region')} name="s3-region" />
          <TextField label={t('copies.s3AccessKey')} value={s3.accessKeyId} onChange={field('accessKeyId')} name="s3-access-key" />
          <div className="field">
            <label htmlFor={`${id}-secret`}>{t('copies.s3Secret')}</label>
            <input id={`${id}-secret`} ref={secret} name="s3-secret" type="password" autoComplete="off" spellCheck={false} />
            <p className="field-hint">{t('copies.s3SecretHint')}</p>
          </div>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={readOnly || busy || !ready}>
        {t('copies.add')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
