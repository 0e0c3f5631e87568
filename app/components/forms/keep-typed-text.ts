/**
 * Words typed into a textarea before the page's JavaScript has run are kept.
 *
 * React 18 writes a textarea's rendered text back into it when it hydrates
 * (react-dom's textarea postMountWrapper sets `value` to the text it rendered),
 * so what someone typed into a filled-in textarea while the page was loading was
 * silently replaced: the old text was then sent. Text inputs, checkboxes, radios
 * and selects keep what was done to them; only textareas need this.
 *
 * Called in entry.client before hydrating: it notes each textarea whose text
 * differs from what the server sent, and every change after that; the function it
 * returns, called once hydration has finished, puts the noted text back the way a
 * person typing would (so React's onChange runs, and a character count is right).
 * Browser only.
 */
export function keepTextTypedBeforeHydration(doc: Document): () => void {
  const typed = new Map<HTMLTextAreaElement, string>();
  for (const textarea of doc.querySelectorAll("textarea")) {
    if (textarea.value !== textarea.defaultValue) typed.set(textarea, textarea.value);
  }
  const note = (event: Event) => {
    if (event.target instanceof HTMLTextAreaElement) typed.set(event.target, event.target.value);
  };
  doc.addEventListener("input", note, true);

  return function putTypedTextBack() {
    doc.removeEventListener("input", note, true);
    // The prototype's setter, not `textarea.value = …`: React watches the element's own
    // setter and would take the change for its own, so onChange would not run.
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
    for (const [noted, value] of typed) {
      // If hydration failed and React drew the page afresh, the textarea is a new element.
      const textarea = noted.isConnected ? noted : noted.id ? doc.getElementById(noted.id) : null;
      if (!(textarea instanceof HTMLTextAreaElement) || textarea.value === value || !setValue) continue;
      setValue.call(textarea, value);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    typed.clear();
  };
}
