/** What the Annotations panel shows until the annotations feature mounts its own panel here. */
export function AnnotationsPlaceholder() {
  return (
    <div className="panel-inner">
      <h2 className="panel-heading">Annotations</h2>
      <p className="panel-empty">Select a passage in the report to highlight it. Your highlights and notes will be listed here.</p>
    </div>
  );
}
