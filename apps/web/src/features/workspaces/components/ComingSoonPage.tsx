/** Placeholder for workspace areas whose features are still being built. */
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, PageHeader } from '../../../ui';

export interface ComingSoonPageProps {
  title: string;
  summary: string;
  plans: readonly string[];
  icon: string;
}

export function ComingSoonPage({ title, summary, plans, icon }: ComingSoonPageProps) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <PageHeader title={title} description={<p>{summary}</p>} />
      <EmptyState title={`${title} is coming soon`} icon={icon}>
        <p>This is where you will:</p>
        <ul className="plain-list">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </EmptyState>
    </div>
  );
}
