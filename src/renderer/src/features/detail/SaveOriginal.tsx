/**
 * "Save a copy of the original…" for every item, and where the copy went. The copy is the
 * original byte for byte (checked against its SHA-256) and is recorded in the item's
 * custody as `extracted`; it is the copy, not the vault's encrypted file, that another
 * player opens.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';
import type { SaveOriginalState } from './useSaveOriginal';

export interface SaveOriginalProps {
  readonly state: SaveOriginalState;
  readonly onSave: () => void;
}

export function SaveOriginal({ state, onSave }: SaveOriginalProps): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="save-original">
      <button type="button" className="button button-small" onClick={onSave} disabled={state.kind === 'saving'}>
        {t('playback.saveCopy')}
      </button>
      {state.kind === 'saving' && <p className="note" role="status">{t('playback.saving')}</p>}
      {state.kind === 'saved' && (
        <div className="notice" role="status">
          <Icon name="check" />
          <p className="notice-text">
            {t(state.result.recorded ? 'playback.saved' : 'playback.savedNotRecorded', { path: state.result.outPath })}
          </p>
        </div>
      )}
      {state.kind === 'error' && <ErrorNotice error={state.error} />}
    </div>
  );
}
