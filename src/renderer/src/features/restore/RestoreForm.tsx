/**
 * "Restore a vault…" on the first screen: the replica — a folder, or an S3 bucket (its secret
 * read from its field when the restore starts and the field emptied; kept only in memory
 * for "Restore copy N instead" until the restore is done) — a new or empty folder for the
 * vault, optionally the key fingerprint the copy must be signed by (the one the owner
 * published), and the passphrase — or, for whoever holds the recovery key instead, the
 * recovery form on the rebuilt folder (RecoverForm: the words or shares and a new
 * passphrase); then the progress and a plain summary (RestoreSummary).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultInfo } from '../../../../shared/api';
import { shell } from '../../api';
import { Icon } from '../../ui/icons';
import type { ReplicaSource } from '../../../../shared/replica';
import { NO_S3_LOCATION, S3Fields, s3ConfigOf, s3LocationGiven, type S3Location } from '../copies/S3Fields';
import { RecoverForm } from '../recovery/RecoverForm';
import { PassphraseField } from '../vault/PassphraseField';
import { RestoreSummary } from './RestoreSummary';
import { useRestore } from './useRestore';

export interface RestoreFormProps {
  /** Opens the restored, unlocked vault in the window. */
  readonly onOpened: (info: VaultInfo) => void;
}

function FolderField({ label, hint, value, onChange, name, title }: { readonly label: string; readonly hint: string; readonly value: string; readonly onChange: (v: string) => void; readonly name: string; readonly title: string }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input id={id} name={name} type="text" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" aria-describedby={`${id}-hint`} />
        <button type="button" className="button" onClick={() => void shell.chooseFolder({ title }).then((chosen) => chosen !== null && onChange(chosen), () => undefined)}>
          <Icon name="folder" />
          <span>{t('vault.chooseFolder')}</span>
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

export function RestoreForm({ onOpened }: RestoreFormProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const restore = useRestore();
  const [kind, setKind] = useState<'folder' | 's3'>('folder');
  const [source, setSource] = useState('');
  const [s3, setS3] = useState<S3Location>(NO_S3_LOCATION);
  const secret = useRef<HTMLInputElement>(null);
  /** The S3 location with its secret, for "Restore copy N instead"; dropped when the restore is done. */
  const lastS3 = useRef<ReplicaSource | null>(null);
  const [target, setTarget] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  const busy = restore.state.phase === 'running';
  const sourceGiven = kind === 'folder' ? source.trim() !== '' : s3LocationGiven(s3);
  const ready = !busy && sourceGiven && target.trim() !== '' && (withRecoveryKey || restore.passphrase !== '');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    let from: ReplicaSource = source;
    if (kind === 's3') {
      from = s3ConfigOf(s3, secret.current?.value ?? '');
      if (secret.current !== null) secret.current.value = '';
      lastS3.current = from;
    }
    void restore.run({ source: from, target, keyFingerprint: fingerprint, previous: false, withRecoveryKey });
  };
  const done = restore.state.phase === 'done' ? restore.state : null;
  useEffect(() => {
    if (restore.state.phase === 'done') lastS3.current = null;
  }, [restore.state.phase]);

  if (restore.state.phase === 'recover') {
    return (
      <div className="gate-form">
        <RecoverForm
          path={restore.state.result.target}
          intro={t('restore.recoverIntro', { path: restore.state.result.target })}
          open={restore.recoverWith}
          onOpened={async () => undefined}
          onBack={restore.leaveRecovery}
        />
      </div>
    );
  }

  return (
    <div className="gate-form">
      {done === null && (
        <form onSubmit={submit} aria-label={t('restore.title')}>
          <p className="field-hint">{t('restore.intro')}</p>
          <fieldset className="field">
            <legend>{t('restore.kind')}</legend>
            <label>
              <input type="radio" name="restore-kind" checked={kind === 'folder'} onChange={() => setKind('folder')} /> {t('copies.kindFolder')}
            </label>
            <label>
              <input type="radio" name="restore-kind" checked={kind === 's3'} onChange={() => setKind('s3')} /> {t('copies.kindS3')}
            </label>
          </fieldset>
          {kind === 'folder' ? (
            <FolderField label={t('restore.source')} hint={t('restore.sourceHint')} value={source} onChange={setSource} name="restore-source" title={t('restore.source')} />
          ) : (
            <S3Fields value={s3} onChange={setS3} secret={secret} secretHint={t('restore.s3SecretHint')} />
          )}
          <FolderField label={t('restore.target')} hint={t('restore.targetHint')} value={target} onChange={setTarget} name="restore-target" title={t('restore.target')} />
          <div className="field">
            <label htmlFor={`${id}-fp`}>{t('restore.fingerprint')}</label>
            <input id={`${id}-fp`} name="restore-fingerprint" type="text" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} spellCheck={false} autoComplete="off" />
            <p className="field-hint">{t('restore.fingerprintHint')}</p>
          </div>
          <label className="check">
            <input type="checkbox" name="restore-with-recovery-key" checked={withRecoveryKey} onChange={(e) => setWithRecoveryKey(e.target.checked)} />
            {t('restore.withRecoveryKey')}
          </label>
          {!withRecoveryKey && <PassphraseField name="restore-passphrase" label={t('vault.passphrase')} value={restore.passphrase} onChange={restore.setPassphrase} />}
          <button type="submit" className="button button-primary" disabled={!ready} aria-busy={busy}>
            {busy ? t('restore.running') : t('restore.start')}
          </button>
        </form>
      )}
      <RestoreSummary
        state={restore.state}
        onPrevious={() => {
          if (!withRecoveryKey && restore.passphrase === '') return;
          const from = kind === 'folder' ? source : lastS3.current;
          if (from === null) return;
          void restore.run({ source: from, target, keyFingerprint: fingerprint, previous: true, withRecoveryKey });
        }}
        onRecoveryKey={restore.chooseRecoveryKey}
        onOpen={() => done !== null && onOpened(done.info)}
      />
    </div>
  );
}
