import { useSearchParams } from 'react-router';
import { PlaceholderPage } from '../../components/placeholder-page';
import { WorkbookImportPanel } from './workbook-import-panel';

export function ReportsPage() {
  // Until the Reports page lists an assessment's reports, `?assessment=ID` shows its workbook import.
  const [params] = useSearchParams();
  const assessmentId = params.get('assessment');
  return (
    <>
      <PlaceholderPage titleKey="nav.reports" />
      {assessmentId && <WorkbookImportPanel assessmentId={assessmentId} />}
    </>
  );
}
