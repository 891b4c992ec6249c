/**
 * `/verwaltung/postfach` for admins in development (lazy chunk): the development mailbox, list
 * and one message. The server has this mailbox only without SMTP and never in production; then
 * it answers 404 and the page says so.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import type { MailSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';

function Message({ id }: { id: string }) {
  const { t } = useTranslation();
  const mail = useApi<MailSummary & { text: string }>(`/api/dev-mailbox/${encodeURIComponent(id)}`);
  if (mail.error) return <ErrorView error={mail.error} retry={mail.reload} />;
  if (!mail.data) return <Loading />;
  return (
    <Paper variant="outlined" component="article" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {mail.data.subject}
      </Typography>
      <Typography variant="body2">
        {t('mailbox.from')}: {mail.data.from} · {t('mailbox.to')}: {mail.data.to}
      </Typography>
      <Typography
        component="pre"
        sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', mt: 2 }}
      >
        {mail.data.text}
      </Typography>
    </Paper>
  );
}

/** The mailbox page. */
export default function MailboxPage() {
  const { t } = useTranslation();
  const { mailId } = useParams();
  const list = useApi<MailSummary[]>('/api/dev-mailbox?limit=100');
  useEffect(() => {
    document.title = `${t('mailbox.heading')} – ${t('app.title')}`;
  }, [t]);
  const absent = list.error instanceof ApiError && list.error.status === 404;
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('mailbox.heading')}
      </Typography>
      {absent && <Alert severity="info">{t('mailbox.absent')}</Alert>}
      {list.error && !absent && <ErrorView error={list.error} retry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {mailId && <Message id={mailId} />}
      {list.data?.length === 0 && <Typography>{t('mailbox.empty')}</Typography>}
      {list.data && list.data.length > 0 && (
        <List aria-label={t('mailbox.heading')}>
          {list.data.map((m) => (
            <ListItem key={m.id} divider sx={{ display: 'block' }}>
              <Link component={RouterLink} to={`/verwaltung/postfach/${encodeURIComponent(m.id)}`}>
                {m.subject || t('mailbox.noSubject')}
              </Link>
              <Typography variant="body2">
                {m.to}
                {m.date ? ` · ${new Date(m.date).toLocaleString('de-DE')}` : ''}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
