/**
 * Items of an array of objects as cards (Ladesäulengruppen), each with "Gruppe duplizieren" and
 * "Entfernen" as labelled text buttons (icons alone are hard to understand and to hit on a phone).
 */
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';

/** rjsf `ArrayFieldItemTemplate`. */
export function ArrayCardItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { t } = useTranslation();
  const { children, buttonsProps, index, hasToolbar } = props;
  const number = index + 1;
  return (
    <Card
      variant="outlined"
      sx={{ mb: 2 }}
      component="section"
      aria-label={t('wizard.item', { number })}
    >
      <CardContent>
        <Typography variant="h4" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
          {t('wizard.item', { number })}
        </Typography>
        {children}
      </CardContent>
      {hasToolbar && (
        <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
          {buttonsProps.hasCopy && (
            <Button
              variant="outlined"
              onClick={buttonsProps.onCopyItem}
              disabled={buttonsProps.disabled || buttonsProps.readonly}
            >
              {t('wizard.duplicateGroup')}
            </Button>
          )}
          {buttonsProps.hasRemove && (
            <Button
              color="error"
              onClick={buttonsProps.onRemoveItem}
              disabled={buttonsProps.disabled || buttonsProps.readonly}
            >
              {t('wizard.remove')}
            </Button>
          )}
        </CardActions>
      )}
    </Card>
  );
}
