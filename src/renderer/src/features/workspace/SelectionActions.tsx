/** The buttons a selection offers: tag it, add it to a case, export it as a bundle. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

export interface SelectionActionsProps {
  readonly onTag: () => void;
  /** Null when the selection cannot be filed in a case (a select-all, held as a query). */
  readonly onCase: (() => void) | null;
  readonly onExport: () => void;
}

export function SelectionActions({ onTag, onCase, onExport }: SelectionActionsProps): JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button button-small" onClick={onTag}>
        {t('organise.tag')}
      </button>
      {onCase !== null && (
        <button type="button" className="button button-small" onClick={onCase}>
          {t('organise.addToCaseButton')}
        </button>
      )}
      <button type="button" className="button button-small" onClick={onExport}>
        {t('export.button')}
      </button>
    </>
  );
}
