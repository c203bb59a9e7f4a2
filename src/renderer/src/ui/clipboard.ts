/**
 * Copying text (a fingerprint, a hash) to the clipboard. The async Clipboard API is the
 * first choice; where a permission policy refuses it, a hidden text field and the copy
 * command do the same within the click that asked for it. Nothing is ever read back.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    try {
      return document.execCommand('copy');
    } finally {
      field.remove();
    }
  }
}
