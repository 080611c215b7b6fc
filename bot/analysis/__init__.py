"""`mot-coach analyze`: past transcripts read as a stream, tallied in bounded memory, reported
as HTML (inline SVG) or JSON."""
