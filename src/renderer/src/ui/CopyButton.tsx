/**
 * A button that copies a value and says so ("Copied") for a moment, in words, for
 * screen readers too (a polite live region).
 */
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './clipboard';
import { Icon } from './icons';

export function CopyButton({ value, label }: { readonly value: string; readonly label: string }): JSX.Element {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="copy">
      <button type="button" className="button button-small" aria-label={label} onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
        <span>{state === 'copied' ? t('common.copied') : t('common.copy')}</span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
