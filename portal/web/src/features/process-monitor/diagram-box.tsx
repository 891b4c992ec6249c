/** The framed area the viewer draws into, with a text alternative for screen readers. */
import Box from '@mui/material/Box';
import type { Ref } from 'react';

/** A labelled region for the diagram; `description` says in words what the overlays show. */
export function DiagramBox(props: { boxRef: Ref<HTMLDivElement>; label: string }) {
  return (
    <Box
      role="img"
      aria-label={props.label}
      ref={props.boxRef}
      data-testid="monitor-diagram"
      sx={{
        height: { xs: 320, sm: 440 },
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        mb: 2,
      }}
    />
  );
}
