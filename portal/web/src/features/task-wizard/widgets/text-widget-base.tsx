/**
 * A labelled MUI text field for the custom widgets, wired the way rjsf expects (id, label,
 * required, errors linked with `aria-describedby`, blur and focus callbacks).
 */
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { WidgetProps } from '@rjsf/utils';
import type { HTMLAttributes } from 'react';

/** What a custom widget adds to the plain text field. */
export interface TextWidgetExtras {
  text: string;
  onText: (text: string) => void;
  onBlurText?: (text: string) => void;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  unit?: string;
  helper?: string;
  localError?: string;
}

/** The shared text field. */
export function TextWidgetBase(props: WidgetProps & { extras: TextWidgetExtras }) {
  const { id, label, required, disabled, readonly, rawErrors = [], autofocus, extras } = props;
  const errors = extras.localError ? [extras.localError] : rawErrors;
  const describedBy = errors.length ? `${id}__error` : extras.helper ? `${id}__helper` : undefined;
  return (
    <TextField
      id={id}
      name={id}
      label={label}
      required={required}
      disabled={disabled}
      autoFocus={autofocus}
      value={extras.text}
      error={errors.length > 0}
      fullWidth
      helperText={errors.length ? errors.join(' ') : extras.helper}
      onChange={(event) => extras.onText(event.target.value)}
      onBlur={(event) => {
        extras.onBlurText?.(event.target.value);
        props.onBlur(id, event.target.value);
      }}
      onFocus={(event) => props.onFocus(id, event.target.value)}
      slotProps={{
        htmlInput: {
          readOnly: readonly,
          inputMode: extras.inputMode,
          autoComplete: extras.autoComplete,
          maxLength: extras.maxLength,
          placeholder: extras.placeholder,
          'aria-describedby': describedBy,
          'aria-invalid': errors.length > 0,
        },
        formHelperText: { id: errors.length ? `${id}__error` : `${id}__helper` },
        input: extras.unit
          ? { endAdornment: <InputAdornment position="end">{extras.unit}</InputAdornment> }
          : {},
      }}
    />
  );
}
