/**
 * An e-mail address that wraps where a reader expects, before the @ and before each dot of the
 * domain, never in the middle of a name (narrow tables used to break one every two letters).
 */
import { Fragment } from 'react';

export function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <span className="email">{address}</span>;
  const domain = address.slice(at + 1).split('.');
  return (
    <span className="email">
      {address.slice(0, at)}
      <wbr />@
      {domain.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <>
              <wbr />.
            </>
          )}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
