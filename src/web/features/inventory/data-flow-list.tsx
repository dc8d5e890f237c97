import { useTranslation } from 'react-i18next';
import type { DataFlowView } from '../../../contracts/inventory/data-flow.schema';
import { flowLabel } from './data-flow-layout';

/** The flows as a table: ends, protocol:port, data, encryption, internet, border; delete for those allowed. */
export function DataFlowList({
  flows,
  onDelete,
}: {
  flows: readonly DataFlowView[];
  onDelete?: (flow: DataFlowView) => void;
}) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('dataFlows.yes') : t('dataFlows.no'));
  const endText = (label: string, end: DataFlowView['from']) =>
    end.kind === 'external' ? t('dataFlows.externalEnd', { name: label, country: end.country }) : label;
  return (
    <table className="data-table" data-testid="data-flow-list">
      <thead>
        <tr>
          <th scope="col">{t('dataFlows.from')}</th>
          <th scope="col">{t('dataFlows.to')}</th>
          <th scope="col">{t('dataFlows.protocol')}</th>
          <th scope="col">{t('dataFlows.dataClasses')}</th>
          <th scope="col">{t('dataFlows.encrypted')}</th>
          <th scope="col">{t('dataFlows.crossesInternet')}</th>
          <th scope="col">{t('dataFlows.crossesBorder')}</th>
          {onDelete && <th scope="col" />}
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <tr key={flow.id} className={flow.encrypted === 'no' ? 'flow-unencrypted' : undefined}>
            <td>{endText(flow.fromLabel, flow.from)}</td>
            <td>{endText(flow.toLabel, flow.to)}</td>
            <td>{flowLabel(flow)}</td>
            <td>{flow.dataClasses.map((dataClass) => t(`dataFlows.dataClassNames.${dataClass}`)).join(' / ')}</td>
            <td>{t(`dataFlows.encryption.${flow.encrypted}`)}</td>
            <td>{yesNo(flow.crossesInternet)}</td>
            <td>{yesNo(flow.crossesBorder)}</td>
            {onDelete && (
              <td>
                <button type="button" className="link-button danger" onClick={() => onDelete(flow)}>
                  {t('dataFlows.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
