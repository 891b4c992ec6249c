/**
 * The framed area the viewer draws into: a labelled group (not `role="img"`: the viewer's canvas
 * is focusable for keyboard panning, and an image may not hold interactive content). The counts
 * are given as a table beside it for screen readers.
 */
import Box from '@mui/material/Box';
import type { Ref } from 'react';

/** A labelled group holding the diagram. */
export function DiagramBox(props: { boxRef: Ref<HTMLDivElement>; label: string }) {
  return (
    <Box
      role="group"
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
