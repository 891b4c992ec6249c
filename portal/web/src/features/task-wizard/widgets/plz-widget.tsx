/** PLZ: five digits as text (leading zeros kept), numeric keyboard on phones. */
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { TextWidgetBase } from './text-widget-base.js';

/** rjsf widget `plz`. */
export function PlzWidget(props: WidgetProps) {
  const { t } = useTranslation();
  return (
    <TextWidgetBase
      {...props}
      extras={{
        text: typeof props.value === 'string' ? props.value : '',
        onText: (text) => props.onChange(text.replace(/\s/g, '') || undefined),
        inputMode: 'numeric',
        autoComplete: 'postal-code',
        maxLength: 5,
        helper: t('widgets.plzHint'),
      }}
    />
  );
}
