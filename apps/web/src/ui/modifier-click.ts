// In-app links are real links (an href the browser can open): a plain click stays in the app, while a
// middle click or a click with a modifier (Cmd/Ctrl: new tab, Shift: new window, Alt: download) is
// left to the browser.

/** The parts of a (React or DOM) mouse event the decision reads. */
export interface LinkClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  preventDefault(): void;
}

/** A primary-button click without Cmd, Ctrl, Shift or Alt: the app follows the link itself. */
export const isPlainClick = (event: Omit<LinkClick, 'preventDefault'>): boolean =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** On a plain click, keeps the browser from following the link and does `follow` instead; any other click is the browser's. */
export function followInApp(event: LinkClick, follow: () => void): void {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  follow();
}
