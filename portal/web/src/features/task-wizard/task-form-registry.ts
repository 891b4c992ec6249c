/** The portal's rjsf widgets, fields, templates and German button texts. */
import { TranslatableString, type RegistryFieldsType, type RegistryWidgetsType } from '@rjsf/utils';
import { AddTextButton } from './widgets/add-button.js';
import { ArrayCardItemTemplate } from './widgets/array-card-template.js';
import { DecimalWidget } from './widgets/decimal-widget.js';
import { GermanDateWidget } from './widgets/german-date-widget.js';
import { MapPinField } from './widgets/map-pin-field.js';
import { PlzWidget } from './widgets/plz-widget.js';

/** Custom widgets by the names the uiSchemas (and `enhanceUiSchema`) use. */
export const portalWidgets: RegistryWidgetsType = {
  plz: PlzWidget,
  decimal: DecimalWidget,
  germanDate: GermanDateWidget,
};

/** Custom fields by name. */
export const portalFields: RegistryFieldsType = { mapPin: MapPinField };

/** Templates replacing the theme's. */
export const portalTemplates = {
  ArrayFieldItemTemplate: ArrayCardItemTemplate,
  ButtonTemplates: { AddButton: AddTextButton },
};

const german: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: 'Hinzufügen',
  [TranslatableString.AddButton]: 'Hinzufügen',
  [TranslatableString.RemoveButton]: 'Entfernen',
  [TranslatableString.CopyButton]: 'Duplizieren',
  [TranslatableString.MoveUpButton]: 'Nach oben',
  [TranslatableString.MoveDownButton]: 'Nach unten',
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nein',
  [TranslatableString.NewStringDefault]: '',
  [TranslatableString.OptionPrefix]: 'Option %1',
};

/** rjsf's texts in the current language (German here; English is rjsf's own). */
export function translateString(language: string) {
  return (key: TranslatableString, params?: string[]): string => {
    const text = language === 'de' ? german[key] : undefined;
    if (text === undefined) return englishDefault(key, params);
    return (params ?? []).reduce((s, p, i) => s.replace(`%${i + 1}`, p), text);
  };
}

function englishDefault(key: TranslatableString, params?: string[]): string {
  return (params ?? []).reduce((s, p, i) => s.replace(`%${i + 1}`, p), key as string);
}
