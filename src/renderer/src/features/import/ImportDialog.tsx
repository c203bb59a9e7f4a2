/**
 * Choosing what to import: files or a folder with the system dialogs, a typed path (the
 * fallback), optional tags for everything in this import, and the list so far. Sources
 * are only read: the summary says so, and nothing outside the vault is ever changed.
 */
import { useId, useState, type JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { normaliseTag } from '../../../../shared/tags';
import { Icon } from '../../ui/icons';

export interface ImportDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onChoose: (folders: boolean) => Promise<readonly string[]>;
  readonly onStart: (paths: readonly string[], tags: readonly string[]) => void;
}

export function ImportDialog({ open, onClose, onChoose, onStart }: ImportDialogProps): JSX.Element {
  const { t } = useTranslation();
  const [paths, setPaths] = useState<readonly string[]>([]);
  const [typed, setTyped] = useState('');
  const [tags, setTags] = useState('');
  const pathId = useId();
  const tagsId = useId();
  const add = (more: readonly string[]): void => setPaths((current) => [...new Set([...current, ...more.filter((p) => p.trim() !== '')])]);
  const close = (): void => {
    setPaths([]);
    setTyped('');
    setTags('');
    onClose();
  };
  const start = (): void => {
    const all = typed.trim() === '' ? paths : [...new Set([...paths, typed.trim()])];
    onStart(all, tags.split(',').map(normaliseTag).filter((tag): tag is string => tag !== null));
    close();
  };

  return (
    <ModalOverlay className="overlay" isOpen={open} onOpenChange={(isOpen) => !isOpen && close()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('import.dialogTitle')}
          </Heading>
          <p>{t('import.dialogIntro')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void onChoose(false).then(add)}>
              <Icon name="photo" />
              <span>{t('import.chooseFiles')}</span>
            </button>
            <button type="button" className="button" onClick={() => void onChoose(true).then(add)}>
              <Icon name="folder" />
              <span>{t('import.chooseFolder')}</span>
            </button>
          </div>
          <div className="field">
            <label htmlFor={pathId}>{t('import.typePath')}</label>
            <div className="field-row">
              <input id={pathId} name="import-path" type="text" value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} autoComplete="off" />
              <button type="button" className="button" disabled={typed.trim() === ''} onClick={() => (add([typed.trim()]), setTyped(''))}>
                {t('import.addPath')}
              </button>
            </div>
          </div>
          {paths.length > 0 && (
            <ul className="file-list" aria-label={t('import.sources')}>
              {paths.map((path) => (
                <li key={path}>
                  <code className="path">{path}</code>
                  <button type="button" className="button button-small" aria-label={t('import.removeSource', { path })} onClick={() => setPaths((c) => c.filter((p) => p !== path))}>
                    <Icon name="cross" size={12} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field">
            <label htmlFor={tagsId}>{t('import.tags')}</label>
            <input id={tagsId} name="import-tags" type="text" value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('import.tagsPlaceholder')} />
          </div>
          <p className="field-hint">{t('import.readOnlyHint')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" disabled={paths.length === 0 && typed.trim() === ''} onClick={start}>
              {t('import.start')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
