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
import { TextField } from '../../ui/TextField';
import { NO_S3_LOCATION, S3Fields, s3ConfigOf, s3LocationGiven, type S3Location } from './S3Fields';

export interface AddCopyFormProps {
  readonly readOnly: boolean;
  readonly onChooseFolder: () => Promise<string | null>;
  /** Resolves with the engine's refusal, or null once added. */
  readonly onAdd: (name: string, config: ReplicaConfig) => Promise<TamgaError | null>;
}

type Kind = 'folder' | 's3';

export function AddCopyForm({ readOnly, onChooseFolder, onAdd }: AddCopyFormProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('folder');
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [s3, setS3] = useState<S3Location>(NO_S3_LOCATION);
  const secret = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TamgaError | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const secretField = secret.current;
    const config: ReplicaConfig = kind === 'folder' ? { kind: 'folder', path: path.trim() } : s3ConfigOf(s3, secretField?.value ?? '');
    // Emptied at once, whatever the engine answers: typed again if the copy is refused.
    if (secretField !== null) secretField.value = '';
    setBusy(true);
    const refused = await onAdd(name.trim(), config);
    setBusy(false);
    setError(refused);
    if (refused === null) {
      setName('');
      setPath('');
      setS3(NO_S3_LOCATION);
    }
  };

  const ready = name.trim() !== '' && (kind === 'folder' ? path.trim() !== '' : s3LocationGiven(s3));
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
        <S3Fields value={s3} onChange={setS3} secret={secret} secretHint={t('copies.s3SecretHint')} />
      )}
      <button type="submit" className="button button-primary" disabled={readOnly || busy || !ready}>
        {t('copies.add')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
