import { PlaceholderPage } from '../../components/placeholder-page';

export function GuidelinesPage() {
  return <PlaceholderPage titleKey="nav.guidelines" />;
}
