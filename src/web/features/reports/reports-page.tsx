import { PlaceholderPage } from '../../components/placeholder-page';

export function ReportsPage() {
  return <PlaceholderPage titleKey="nav.reports" />;
}
