import '@mantine/core/styles.css';
import {
  createTheme,
  CSSVariablesResolver,
  DEFAULT_THEME,
  MantineColorsTuple,
  MantineProvider,
} from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/** Mantine's green with a darker shade 9 (#2b8a3e is 4.4:1 under white text; this is 5.4:1). */
const green = [
  ...DEFAULT_THEME.colors.green.slice(0, 9),
  '#237a36',
] as unknown as MantineColorsTuple;

// Shade 8 for filled buttons and links, and dark text on light fills: WCAG AA contrast.
const theme = createTheme({
  colors: { green },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.35,
});

// WCAG AA (4.5:1) on every background a page has, striped table rows and papers included:
// Mantine's dimmed text (gray 6 on white, dark 2 on dark papers) is 3.3:1 and 3.5:1; gray 7 and
// dark 1 are 8:1 and 6.9:1. Red text and outlines (red 8: 4.3:1 on a striped row) take red 9.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
