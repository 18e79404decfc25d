/**
 * The notice area: errors (failed saves, with their Retry) in a role="alert"
 * banner, everything else (store notices such as a restored backup or read-only
 * mode, and `notify()` messages) in a role="status" region. Both live regions
 * are always in the DOM so that screen readers announce what is added. The
 * status region is the app's one polite live region: `announce()`
 * (app-state/announcer.ts) adds its screen-reader-only sentences there too, and
 * only what is added is read (aria-atomic false), not the whole stack again.
 */
import { useApp, type Notice } from '../app-state/app-context';
import { useAnnouncement } from '../app-state/announcer';

function NoticeItem({ notice }: { notice: Notice }) {
  const { dismiss } = useApp();
  return (
    <div className={`notice notice-${notice.kind}`}>
      <p className="notice-message">{notice.message}</p>
      <div className="notice-actions">
        {notice.action && (
          <button
            type="button"
            className="notice-button notice-primary"
            onClick={() => {
              dismiss(notice.id);
              void notice.action!.run();
            }}
          >
            {notice.action.label}
          </button>
        )}
        <button type="button" className="notice-button" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(notice.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}

/** The latest `announce()` sentence, a new node each time so a repeated sentence is read again. */
function Announced() {
  const { message, serial } = useAnnouncement();
  return (
    <p key={serial} className="sr-only fm-announcement">
      {message}
    </p>
  );
}

export function Notices() {
  const { notices } = useApp();
  const errors = notices.filter((n) => n.kind === 'error');
  const infos = notices.filter((n) => n.kind === 'info');
  return (
    <div className="notices">
      <div role="alert" className="notice-stack">
        {errors.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </div>
      <div role="status" aria-atomic="false" aria-relevant="additions text" className="notice-stack" id="fm-live-region">
        {infos.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
        <Announced />
      </div>
    </div>
  );
}
