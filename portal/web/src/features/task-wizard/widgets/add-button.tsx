/**
 * The add button of arrays as a labelled text button ("Ladesäulengruppe hinzufügen" from the
 * uiSchema's `addText`): the theme's icon-only button says nothing on screen and is small to hit.
 */
import Button from '@mui/material/Button';
import { getUiOptions, TranslatableString, type IconButtonProps } from '@rjsf/utils';

/** rjsf `ButtonTemplates.AddButton`. */
export function AddTextButton(props: IconButtonProps) {
  const { uiSchema, registry, onClick, disabled, id, className } = props;
  const options = getUiOptions(uiSchema);
  const label =
    typeof options.addText === 'string'
      ? options.addText
      : registry.translateString(TranslatableString.AddItemButton);
  return (
    <Button id={id} className={className} variant="outlined" onClick={onClick} disabled={disabled}>
      {label}
    </Button>
  );
}
