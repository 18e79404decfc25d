/** Ctrl+L (Cmd+L on a Mac) locks, with no other modifier: the browser's own "focus the address bar" gives way. */
export function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, mac: boolean): boolean {
  if (event.altKey || event.shiftKey) return false;
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && event.key.toLowerCase() === 'l';
}
