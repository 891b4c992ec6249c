/**
 * The MUI theme: a calm public-sector palette whose text colours keep a contrast of at least
 * 4.5:1 on their backgrounds (WCAG 2.1 AA), visible focus rings, German locale for MUI texts.
 */
import { createTheme } from '@mui/material/styles';
import { deDE, enUS } from '@mui/material/locale';

/** The theme for a language. */
export function portalTheme(language: string) {
  return createTheme(
    {
      palette: {
        primary: { main: '#004b87' },
        secondary: { main: '#5c2d91' },
        error: { main: '#b00020' },
        success: { main: '#1b5e20' },
        text: { primary: '#1a1a1a', secondary: '#4a4a4a' },
        background: { default: '#f5f6f8' },
      },
      shape: { borderRadius: 6 },
      components: {
        MuiButtonBase: { defaultProps: { disableRipple: false } },
        MuiLink: { defaultProps: { underline: 'always' } },
        MuiCssBaseline: {
          styleOverrides: {
            ':focus-visible': { outline: '3px solid #ffbf47', outlineOffset: '2px' },
          },
        },
      },
    },
    language === 'en' ? enUS : deDE,
  );
}
