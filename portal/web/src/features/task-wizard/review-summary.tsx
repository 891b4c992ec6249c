/** The review step: every answer with its label, in the form's words, grouped by step. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { RJSFSchema } from '@rjsf/utils';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormStep } from '../../forms/form-steps.js';
import { formatGermanDate, formatGermanNumber } from './widgets/german-number.js';

type Translate = ReturnType<typeof useTranslation>['t'];

function display(schema: RJSFSchema, value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === '') return t('wizard.empty');
  const choices = (schema.oneOf ?? schema.anyOf) as RJSFSchema[] | undefined;
  const choice = choices?.find((c) => c.const === value);
  if (choice?.title) return choice.title;
  if (typeof value === 'boolean') return value ? t('wizard.yes') : t('wizard.no');
  if (typeof value === 'number') return formatGermanNumber(value);
  if (schema.format === 'date') return formatGermanDate(value) || String(value);
  if (Array.isArray(value)) {
    const items = schema.items as RJSFSchema | undefined;
    const itemChoices = (items?.anyOf ?? items?.oneOf) as RJSFSchema[] | undefined;
    return value.map((v) => itemChoices?.find((c) => c.const === v)?.title ?? String(v)).join(', ');
  }
  return String(value);
}

function Rows({ schema, value, t }: { schema: RJSFSchema; value: unknown; t: Translate }) {
  const data = (value ?? {}) as Record<string, unknown>;
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, child]) => {
        const childSchema = child as RJSFSchema;
        const childValue = data[name];
        if (childValue === undefined && childSchema.type === 'object') return null;
        const label = childSchema.title ?? name;
        if (childSchema.type === 'object') {
          return (
            <Fragment key={name}>
              <Box component="dt" sx={{ gridColumn: '1 / -1', fontWeight: 600, mt: 1 }}>
                {label}
              </Box>
              <Rows schema={childSchema} value={childValue} t={t} />
            </Fragment>
          );
        }
        const items = childSchema.items as RJSFSchema | undefined;
        if (childSchema.type === 'array' && items?.type === 'object' && Array.isArray(childValue)) {
          return childValue.map((item, index) => (
            <Fragment key={`${name}-${index}`}>
              <Box component="dt" sx={{ gridColumn: '1 / -1', fontWeight: 600, mt: 1 }}>
                {label}: {t('wizard.item', { number: index + 1 })}
              </Box>
              <Rows schema={items} value={item} t={t} />
            </Fragment>
          ));
        }
        return (
          <Fragment key={name}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {label}
            </Box>
            <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {display(childSchema, childValue, t)}
            </Box>
          </Fragment>
        );
      })}
    </>
  );
}

/** All answers of the wizard, with a button per step to change them. */
export function ReviewSummary(props: {
  steps: FormStep[];
  data: Record<string, unknown>;
  onEdit: (step: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography sx={{ mb: 2 }}>{t('wizard.reviewIntro')}</Typography>
      {props.steps.map((step, index) => (
        <Box key={step.fields.join(',')} component="section" sx={{ mb: 3 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
              {step.title ?? t('wizard.otherFields')}
            </Typography>
            <Button size="small" onClick={() => props.onEdit(index)}>
              {t('wizard.edit')}
              <Box component="span" sx={visuallyHidden}>
                : {step.title ?? t('wizard.otherFields')}
              </Box>
            </Button>
          </Box>
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: '2fr 3fr' },
              gap: 1,
              m: 0,
            }}
          >
            <Rows schema={step.schema} value={props.data} t={t} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
