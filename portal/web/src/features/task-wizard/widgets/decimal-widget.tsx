/**
 * Decimals in German notation (`1.234,5`), optionally with a unit (`kWh`, `kW`). The text is
 * kept while typing; the number is stored as soon as the text is one.
 */
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanNumber, parseGermanNumber } from './german-number.js';
import { TextWidgetBase } from './text-widget-base.js';

/** rjsf widget `decimal` (ui:options.unit shows a unit). */
export function DecimalWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatGermanNumber(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    // Follow outside changes (a duplicated group, a reset), not our own typing.
    if (parseGermanNumber(text) !== props.value) setText(formatGermanNumber(props.value));
  }, [props.value]);
  const integer = props.schema.type === 'integer';
  return (
    <TextWidgetBase
      {...props}
      extras={{
        text,
        onText: (next) => {
          setText(next);
          const value = parseGermanNumber(next);
          const ok =
            value === undefined || (!Number.isNaN(value) && (!integer || Number.isInteger(value)));
          setInvalid(!ok);
          if (ok) props.onChange(value);
        },
        inputMode: integer ? 'numeric' : 'decimal',
        unit: typeof props.options.unit === 'string' ? props.options.unit : undefined,
        localError: invalid ? t('widgets.invalidNumber') : undefined,
      }}
    />
  );
}
