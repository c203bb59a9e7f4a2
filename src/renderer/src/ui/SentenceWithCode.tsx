/**
 * A translated sentence with one value shown as code (a fingerprint, a hash: hex, not
 * words), where the language puts it: the caller passes t(key, { value: CODE_MARK }).
 */
import { Fragment, type JSX } from 'react';

export const CODE_MARK = '\u0000';

export function SentenceWithCode({ sentence, code }: { readonly sentence: string; readonly code: string }): JSX.Element {
  return (
    <>
      {sentence.split(CODE_MARK).map((piece, i) =>
        i === 0 ? (
          piece
        ) : (
          <Fragment key={i}>
            <code translate="no">{code}</code>
            {piece}
          </Fragment>
        ),
      )}
    </>
  );
}
