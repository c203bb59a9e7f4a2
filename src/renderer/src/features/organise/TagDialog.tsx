/** Tagging a selection: tags to add to, or remove from, every selected item. */
import { useId, useState, type JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { parseTags } from './TagEditor';

export interface TagDialogProps {
  readonly count: number;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onApply: (tags: string[], remove: boolean) => void;
}

export function TagDialog({ count, open, onClose, onApply }: TagDialogProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const tags = parseTags(text);
  const apply = (remove: boolean): void => {
    onApply(tags, remove);
    setText('');
  };
  return (
    <ModalOverlay className="overlay" isOpen={open} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('organise.tagTitle', { count })}
          </Heading>
          <div className="field">
            <label htmlFor={id}>{t('organise.tagsToApply')}</label>
            <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('organise.addTagPlaceholder')} autoFocus />
          </div>
          <p className="field-hint">{t('organise.tagRecorded')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button" disabled={tags.length === 0} onClick={() => apply(true)}>
              {t('organise.removeTags')}
            </button>
            <button type="button" className="button button-primary" disabled={tags.length === 0} onClick={() => apply(false)}>
              {t('organise.addTags')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
