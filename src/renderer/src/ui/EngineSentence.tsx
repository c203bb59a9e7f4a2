/**
 * An engine sentence (a metadata problem, a search note, why there is no preview) in the window's language
 * (src/shared/sentence-template.ts finds the template it was written from); identifiers
 * (box types, tags, values read, what the user typed, a library's message) as code, as
 * written. A sentence of no known template is shown as written, in English, marked as such.
 */
import { Fragment, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { matchTemplate, partSlug, VERBATIM_VALUES } from '../../../shared/sentence-template';

const MARK = '\u0001';

/** The locale groups whose templates are engine sentences. */
export type SentenceGroup = 'metadataProblem' | 'searchNote' | 'previewReason';

export function EngineSentence({ text, group }: { readonly text: string; readonly group: SentenceGroup }): JSX.Element {
  const { t, i18n } = useTranslation();
  const templates = (i18n.getResource('en', 'translation', `${group}.template`) ?? {}) as Record<string, string>;
  const matched = matchTemplate(text, templates);
  if (matched === null) {
    if (i18n.resolvedLanguage === 'en') return <>{text}</>;
    return (
      <>
        {t('metadataProblem.untranslated')}{' '}
        <span lang="en" translate="no">
          {text}
        </span>
      </>
    );
  }
  // Verbatim values go in as numbered marks and come back out as <code>; a value the window has words for is said in them.
  const verbatim: string[] = [];
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(matched.values)) {
    const part = typeof value === 'string' ? `${group}.part.${name}.${partSlug(value)}` : null;
    if (part !== null && i18n.exists(part)) values[name] = t(part as 'metadataProblem.untranslated');
    else if (VERBATIM_VALUES.has(name)) values[name] = `${MARK}${verbatim.push(String(value)) - 1}${MARK}`;
    else values[name] = value;
  }
  const sentence = t(`${group}.template.${matched.key}` as 'metadataProblem.untranslated', values) as string;
  return (
    <>
      {sentence.split(MARK).map((piece, i) =>
        i % 2 === 1 ? (
          <code key={i} translate="no">
            {verbatim[Number(piece)]}
          </code>
        ) : (
          <Fragment key={i}>{piece}</Fragment>
        ),
      )}
    </>
  );
}
