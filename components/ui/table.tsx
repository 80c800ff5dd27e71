/**
 * A table that becomes a list of cards on a phone (globals.css, `table.stack`), with one markup
 * for both: rows, row headers and column headers stay what they are for screen readers and tests.
 * Each cell carries its column's name (`label`), shown before its value when the header row is out
 * of sight; a cell without one (the actions) spans the card. The roles are explicit because some
 * browsers drop a table's semantics once its `display` changes.
 */
export type Column = { label: string; num?: boolean; /** Read by screen readers, not shown (e.g. the actions). */ hidden?: boolean };

export function StackTable({ caption, captionHidden, columns, children }: { caption?: string; captionHidden?: boolean; columns: Column[]; children: React.ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="stack" role="table">
        {caption ? <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption> : null}
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => (
              <th key={c.label} scope="col" role="columnheader" className={c.num ? "num" : undefined}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: React.ReactNode }) {
  return <tr role="row">{children}</tr>;
}

/** The row's name: the card's title on a phone. */
export function RowHeader({ children }: { children: React.ReactNode }) {
  return (
    <th scope="row" role="rowheader">
      {children}
    </th>
  );
}

/** `children` are wrapped once, so that on a phone the name and the value are two columns whatever the value holds. */
export function Cell({ label, num, children }: { label?: string; num?: boolean; children?: React.ReactNode }) {
  return (
    <td role="cell" data-label={label} className={num ? "num" : undefined}>
      <div>{children}</div>
    </td>
  );
}
