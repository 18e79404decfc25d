/**
 * The sentence every export says before writing a file for sharing (issue 16):
 * "1 private annotation will not be included; 2 sensitive notes will be
 * withheld". Used where a view writes shared files outside the export dialog
 * (the tracker's downloads, the briefing's).
 */
import { useEffect, useState } from 'react';
import { useApp } from '../app-state/app-context';
import { shareSummary } from './share-gate';

export function ShareNotice({ className = 'export-hint' }: { className?: string }) {
  const { client } = useApp();
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    client
      .reviewShare(undefined)
      .then((review) => live && setText(`For sharing: ${shareSummary(review)}`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return text ? <p className={className}>{text}</p> : null;
}
