/**
 * `/aufgaben` for case officers, admins and analysts (lazy chunk): the open tasks in an MUI
 * DataGrid with quick search, column filters and sorting; claim and open per row.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { deDE } from '@mui/x-data-grid/locales';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { apiFetch } from '../../api/http-client.js';
import type { Page, Task } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { cspNonce } from '../../app/csp-nonce.js';
import { ErrorView } from '../../app/status-views.js';
import { useMe } from '../../app/use-me.js';
import { formatDate, formatDateTime } from '../dashboard/format.js';

/** The officers' task list. */
export default function TaskListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const tasks = useApi<Page<Task>>('/api/tasks?limit=200');
  const [claimError, setClaimError] = useState<string>();
  const submitted = (location.state as { submitted?: string } | null)?.submitted;
  useEffect(() => {
    document.title = `${t('tasks.heading')} – ${t('app.title')}`;
  }, [t]);
  const claim = (key: string) =>
    apiFetch(`/api/tasks/${key}/claim`, { method: 'POST' })
      .then(() => tasks.reload())
      .catch((e: Error) => setClaimError(e.message));
  const columns: GridColDef<Task>[] = [
    { field: 'name', headerName: t('tasks.name'), flex: 2, minWidth: 180 },
    { field: 'processDefinitionId', headerName: t('tasks.process'), flex: 1, minWidth: 140 },
    {
      field: 'creationDate',
      headerName: t('tasks.created'),
      width: 160,
      valueFormatter: (value: string) => formatDateTime(value, i18n.language),
    },
    {
      field: 'dueDate',
      headerName: t('tasks.due'),
      width: 120,
      valueFormatter: (value: string | null) => formatDate(value, i18n.language),
    },
    {
      field: 'assignee',
      headerName: t('tasks.assignee'),
      width: 140,
      valueFormatter: (value: string | null) =>
        !value ? t('tasks.unassigned') : value === me?.subject ? t('tasks.me') : value,
    },
    {
      field: 'actions',
      headerName: '',
      sortable: false,
      filterable: false,
      width: 220,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', gap: 1 }}>
          {!row.assignee && (
            <Button
              size="small"
              onClick={() => void claim(row.key)}
              aria-label={`${row.name}: ${t('tasks.claim')}`}
            >
              {t('tasks.claim')}
            </Button>
          )}
          <Button
            size="small"
            variant="outlined"
            component={RouterLink}
            to={`/aufgaben/${row.key}`}
            aria-label={`${row.name}: ${t('tasks.open')}`}
          >
            {t('tasks.open')}
          </Button>
        </Box>
      ),
    },
  ];
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('tasks.heading')}
      </Typography>
      {submitted && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {t('wizard.submitted')}
        </Alert>
      )}
      {claimError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {claimError}
        </Alert>
      )}
      {tasks.error && <ErrorView error={tasks.error} retry={tasks.reload} />}
      <Box sx={{ bgcolor: 'background.paper' }}>
        <DataGrid
          rows={tasks.data?.items ?? []}
          getRowId={(row) => row.key}
          columns={columns}
          loading={tasks.loading}
          autoHeight
          showToolbar
          disableRowSelectionOnClick
          initialState={{ sorting: { sortModel: [{ field: 'creationDate', sort: 'asc' }] } }}
          localeText={
            i18n.language === 'de' ? deDE.components.MuiDataGrid.defaultProps.localeText : undefined
          }
          aria-label={t('tasks.heading')}
          nonce={cspNonce}
        />
      </Box>
    </Box>
  );
}
