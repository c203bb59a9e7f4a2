/** Space on a grid item: its preview, large, in a modal that Space or Escape closes. */
import type { JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../../../../shared/items';
import { Icon } from '../../ui/icons';

export interface QuickPreviewProps {
  readonly item: ItemSummary | null;
  readonly previewUrl: string | undefined;
  readonly onClose: () => void;
}

export function QuickPreview({ item, previewUrl, onClose }: QuickPreviewProps): JSX.Element {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="overlay" isOpen={item !== null} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-label={t('library.quickPreview')}>
          {/* Space closes the preview it opened, as in file managers. */}
          <div
            onKeyDown={(e) => {
              if (e.key !== ' ') return;
              e.preventDefault();
              onClose();
            }}
          >
          <Heading slot="title" className="dialog-title">
            {item?.originalName}
          </Heading>
          <div className="quick-preview">
            {item !== null && (item.thumbStatus === 'ok' || item.thumbStatus === 'placeholder') && previewUrl !== undefined ? (
              <img src={previewUrl} alt={t('detail.previewAlt', { name: item.originalName })} />
            ) : (
              <p className="note">
                <Icon name="info" size={14} /> {t('detail.noPreview')}
              </p>
            )}
          </div>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
