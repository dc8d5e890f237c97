import { PlaceholderPage } from '../../components/placeholder-page';

export function AssessmentsPage() {
  return <PlaceholderPage titleKey="nav.assessments" />;
}
