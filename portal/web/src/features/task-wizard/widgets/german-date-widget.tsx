/** Dates typed as `TT.MM.JJJJ`, stored as ISO `JJJJ-MM-TT` (`format: date`). */
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate, parseGermanDate } from './german-number.js';
import { TextWidgetBase } from './text-widget-base.js';

/** rjsf widget `germanDate`. */
export function GermanDateWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatGermanDate(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (parseGermanDate(text) !== props.value) setText(formatGermanDate(props.value));
  }, [props.value]);
  return (
    <TextWidgetBase
      {...props}
      extras={{
        text,
        onText: (next) => {
          setText(next);
          const value = parseGermanDate(next);
          if (value !== null) props.onChange(value);
          if (value !== null || next.length >= 10) setInvalid(value === null);
        },
        onBlurText: (next) => setInvalid(parseGermanDate(next) === null),
        inputMode: 'numeric',
        placeholder: t('widgets.dateHint'),
        helper: t('widgets.dateHint'),
        maxLength: 10,
        localError: invalid ? t('widgets.invalidDate') : undefined,
      }}
    />
  );
}
