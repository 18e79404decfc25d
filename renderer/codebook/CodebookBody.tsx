/** The Codebook sheet's content: the tree of codes and the chosen code's details. */
export function CodebookBody() {
  return (
    <div className="cb-body">
      <button type="button" className="fm-button" data-codebook-start>
        New code
      </button>
    </div>
  );
}
