import { PlaceholderPage } from '../../components/placeholder-page';

export function InventoryPage() {
  return <PlaceholderPage titleKey="nav.inventory" />;
}
