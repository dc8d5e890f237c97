import { PlaceholderPage } from '../../components/placeholder-page';

export function ChecksheetPage() {
  return <PlaceholderPage titleKey="nav.checksheet" />;
}
