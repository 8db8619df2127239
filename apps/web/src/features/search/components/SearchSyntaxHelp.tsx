/** The query syntax, one click away from every search box. */
import { Popover } from '../../../ui';

const EXAMPLES: ReadonlyArray<{ query: string; meaning: string }> = [
  { query: 'spies reward', meaning: 'passages with both words, in any form (spy matches spies)' },
  { query: '"national security"', meaning: 'the exact phrase' },
  { query: 'counter*', meaning: 'words starting with counter: counterespionage, counterintelligence…' },
  { query: 'spies -reward', meaning: 'spies, but not where reward also appears' },
  { query: 'nationalism OR insecurity', meaning: 'either word' },
  { query: '国家安全', meaning: 'Chinese, Japanese or Korean: these characters together, in this order, also inside longer words' },
];

export function SearchSyntaxHelp() {
  return (
    <Popover label="Search syntax" buttonLabel="How to search">
      <p className="popover__title">Search syntax</p>
      <dl className="syntax-list">
        {EXAMPLES.map((example) => (
          <div key={example.query} className="syntax-list__row">
            <dt>
              <code>{example.query}</code>
            </dt>
            <dd>{example.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Case does not matter. Each document is searched in its language; very common words such as &ldquo;the&rdquo; are ignored. Results are ranked by how well each
        passage matches.
      </p>
    </Popover>
  );
}
