import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';

/**
 * Prints the page as a report: analytics.css hides the app around it and uses the light scheme on paper;
 * every chart's table is opened first, because a closed disclosure prints nothing.
 */
export function PrintButton({ label }: { label?: string }) {
  const { t } = useTranslation('analytics');
  const onPrint = () => {
    for (const table of document.querySelectorAll<HTMLDetailsElement>('details.chart-table'))
      table.open = true;
    window.print();
  };
  return (
    <Button size="sm" variant="ghost" className="analytics-print-hide" onClick={onPrint}>
      {label ?? t('print')}
    </Button>
  );
}
