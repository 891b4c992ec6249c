/**
 * The overlay numbers as a table: the diagram's badges are visual only, so the same counts are
 * given here for screen readers and keyboard users.
 */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';

/** One row per element: its id and the counts shown on the diagram. */
export function ElementCountsTable(props: {
  caption: string;
  columns: string[];
  rows: { elementId: string; values: number[] }[];
}) {
  const { t } = useTranslation();
  return (
    <TableContainer tabIndex={0} sx={{ mb: 2 }}>
      <Table size="small" aria-label={props.caption} data-testid="element-counts">
        <TableHead>
          <TableRow>
            <TableCell>{t('monitor.element')}</TableCell>
            {props.columns.map((c) => (
              <TableCell key={c} align="right">
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.elementId}>
              <TableCell>{row.elementId}</TableCell>
              {row.values.map((v, i) => (
                <TableCell key={props.columns[i]} align="right">
                  {v}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
